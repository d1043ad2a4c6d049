import { z } from "zod";

export const templateForBotSchema = z.object({ botId: z.string().min(1).max(64) });
export type TemplateForBotInput = z.infer<typeof templateForBotSchema>;
