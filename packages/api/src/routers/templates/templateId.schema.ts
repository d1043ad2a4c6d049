import { z } from "zod";

export const templateIdSchema = z.object({ templateId: z.string().min(1).max(64) });
export type TemplateIdInput = z.infer<typeof templateIdSchema>;
