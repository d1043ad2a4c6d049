import { z } from "zod";
import { type JsonValue, jsonValueSchema } from "../engine/json.ts";
import { FLOW_KEY_PATTERN, MAX_FLOW_KEY_LENGTH } from "./keys.ts";

/**
 * One edit of the flat document: the value of `key` goes from `before` to `after`. null means the key is
 * absent, so changes stay JSON (no undefined) and travel as they are.
 */
export const flowChangeSchema = z.object({
  key: z
    .string()
    .max(MAX_FLOW_KEY_LENGTH)
    .regex(FLOW_KEY_PATTERN, "Keys are node/<id>/type|name|position|data/<field>, edge/<id>, variable/<name>, …")
    .meta({ examples: ["node/start/position"] }),
  before: jsonValueSchema,
  after: jsonValueSchema,
});

export type FlowChange = { key: string; before: JsonValue | null; after: JsonValue | null };

export type FlowConflictReason = "changed-elsewhere" | "node-deleted" | "edge-endpoint-missing";

/** A change that was not applied, with the server's value of its key so a dialog can show both sides. */
export interface FlowConflict {
  key: string;
  change: FlowChange;
  current: JsonValue | null;
  reason: FlowConflictReason;
  /** The node the conflict is about: the edited node, or the missing end of an edge. */
  nodeId?: string;
}

/** The changes that undo `changes`: last first, before and after swapped. */
export function invertChanges(changes: readonly FlowChange[]): FlowChange[] {
  return changes.map((change) => ({ key: change.key, before: change.after, after: change.before })).reverse();
}
