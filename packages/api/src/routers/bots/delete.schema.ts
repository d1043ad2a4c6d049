import { z } from "zod";

export const deleteBotSchema = z.object({ botId: z.string().min(1).max(64) });
export type DeleteBotInput = z.infer<typeof deleteBotSchema>;
