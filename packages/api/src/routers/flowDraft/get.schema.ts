import { z } from "zod";

export const getDraftSchema = z.object({
  botId: z.string().min(1).max(64),
  /** The revision the client has; when it is still current the document is not sent again. */
  knownRevision: z.number().int().nonnegative().optional(),
});
export type GetDraftInput = z.infer<typeof getDraftSchema>;
