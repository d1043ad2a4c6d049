import { flowChangeSchema } from "@pixel/flow";
import { z } from "zod";

export const saveDraftSchema = z.object({
  botId: z.string().min(1).max(64),
  /** The revision the changes were made against. */
  baseRevision: z.number().int().nonnegative(),
  changes: z.array(flowChangeSchema).min(1, "Nothing to save").max(20_000),
});
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;
