import { z } from "zod";

export const CONVERSATION_CHANNELS = ["hosted", "widget", "api", "openai", "preview"] as const;
export const CONVERSATION_STATUSES = ["active", "waiting_for_operator", "ended"] as const;

export const listConversationsSchema = z
  .object({
    deploymentId: z.string().min(1).max(64).optional(),
    botId: z.string().min(1).max(64).optional(),
    /** Any of these channels. Naming "preview" here lists previews even without `includePreview`. */
    channel: z.array(z.enum(CONVERSATION_CHANNELS)).max(CONVERSATION_CHANNELS.length).optional(),
    status: z.enum(CONVERSATION_STATUSES).optional(),
    /**
     * Conversations active in the range: started on or before `to` and last updated on or after `from`
     * (instants, both included: an ISO date "2026-11-03" is its UTC midnight). Not a date → 400.
     */
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    /** Case-insensitive, in the text of the messages (the user's and the bot's). */
    search: z.string().trim().max(200).optional(),
    /** The designer's and the gallery's live previews are left out unless asked for. */
    includePreview: z.boolean().default(false),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().min(1).max(100).nullish(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .superRefine((input, ctx) => {
    if (input.from && input.to && input.from.getTime() > input.to.getTime()) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must be on or after from" });
    }
  })
  .default({ includePreview: false, limit: 50 });
export type ListConversationsInput = z.infer<typeof listConversationsSchema>;
