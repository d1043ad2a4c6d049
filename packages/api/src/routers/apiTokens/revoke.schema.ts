import { z } from "zod";

export const revokeApiTokenSchema = z.object({ tokenId: z.string().min(1) });
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;
