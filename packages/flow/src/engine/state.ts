import { z } from "zod";
import { type JsonValue, jsonValueSchema } from "./json.ts";

export const FLOW_STATE_VERSION = 1;
/** The path keeps the most recent visits only, so state stays small however long a conversation runs. */
export const PATH_LIMIT = 40;

export const flowStateSchema = z.object({
  v: z.literal(FLOW_STATE_VERSION),
  status: z.enum(["new", "waiting", "handoff", "ended"]),
  /** The node that asked the user something and what it needs to resume (e.g. which field, attempts). */
  waiting: z.object({ nodeId: z.string(), data: z.record(z.string(), jsonValueSchema) }).nullable(),
  vars: z.record(z.string(), jsonValueSchema),
  expert: z.object({ nodeId: z.string(), name: z.string() }).nullable(),
  path: z.array(z.string()),
  steps: z.number().int().nonnegative(),
  turns: z.number().int().nonnegative(),
});

export type FlowState = z.infer<typeof flowStateSchema>;
export type WaitData = Record<string, JsonValue>;

export function initialState(): FlowState {
  return { v: FLOW_STATE_VERSION, status: "new", waiting: null, vars: {}, expert: null, path: [], steps: 0, turns: 0 };
}

/** Reads a stored state; anything unreadable starts over rather than failing the conversation. */
export function readState(value: unknown): FlowState {
  const parsed = flowStateSchema.safeParse(value);
  return parsed.success ? parsed.data : initialState();
}
