import { z } from "zod";

export const getConversationSchema = z.object({ conversationId: z.string().min(1).max(64) });
export type GetConversationInput = z.infer<typeof getConversationSchema>;
