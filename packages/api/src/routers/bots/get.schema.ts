import { z } from "zod";

export const getBotSchema = z.object({ botId: z.string().min(1).max(64) });
export type GetBotInput = z.infer<typeof getBotSchema>;
