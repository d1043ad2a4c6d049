import { z } from "zod";

export const publishSchema = z.object({
  botId: z.string().min(1).max(64),
  note: z.string().trim().min(1, "Say what changed in this version").max(500),
  /** The draft revision the builder reviewed; a newer draft is not published blindly. */
  draftRevision: z.number().int().nonnegative(),
});
export type PublishInput = z.infer<typeof publishSchema>;

export const republishSchema = z.object({
  versionId: z.string().min(1).max(64),
  note: z.string().trim().max(500).optional(),
});
export type RepublishInput = z.infer<typeof republishSchema>;
