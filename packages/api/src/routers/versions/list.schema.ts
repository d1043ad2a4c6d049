import { z } from "zod";

export const listVersionsSchema = z.object({ botId: z.string().min(1).max(64) });
export type ListVersionsInput = z.infer<typeof listVersionsSchema>;

export const versionIdSchema = z.object({ versionId: z.string().min(1).max(64) });
export type VersionIdInput = z.infer<typeof versionIdSchema>;
