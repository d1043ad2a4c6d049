import type { AiUsage, ChoiceOption, FieldSpec, FlowErrorCode } from "./events.ts";
import type { JsonValue } from "./json.ts";

/**
 * The data parts a chat turn streams next to its text (AI SDK UI message stream protocol, `data-<name>`).
 * Shared by the chat service that writes them and every chat window that reads them.
 */
// A type alias (not an interface) so it satisfies the AI SDK's Record-shaped data-part constraint.
export type PixelChatDataParts = {
  /** Quick-reply buttons of the node waiting for an answer. */
  choices: { nodeId: string; prompt?: string; options: ChoiceOption[]; allowFreeText: boolean };
  /** One field of a collect-data node; `error` is set when the last answer was refused. */
  input: { nodeId: string; field: FieldSpec; error?: string };
  /** Another expert speaks from now on (multi-expert flows). */
  expert: { nodeId: string; name: string; model?: string };
  /** The conversation went to a person. */
  handoff: { nodeId: string; message: string; reason?: string };
  /** Something the user should know went wrong (no provider, budget, ended conversation…). */
  error: { code: FlowErrorCode | "rate-limited" | "internal"; message: string; nodeId?: string };
  /** The conversation ended. */
  end: { reason: string };
  /** The conversation this turn belongs to: keep it to continue after a reload. */
  conversation: { conversationId: string };
  /** Preview only: what the engine did, for the designer's trace and canvas highlight. */
  trace: PreviewTraceStep;
};

export type PreviewTraceStep =
  | { kind: "node"; nodeId: string }
  | { kind: "variables"; nodeId: string; values: Record<string, JsonValue> }
  | { kind: "ai"; nodeId: string; usage: AiUsage; status: "complete" | "partial" }
  | { kind: "webhook"; nodeId: string; ok: boolean; status?: number; error?: string }
  | { kind: "state"; path: string[]; vars: Record<string, JsonValue>; waitingNodeId: string | null; status: string };

/** Metadata on each streamed assistant message. */
export interface PixelChatMetadata {
  conversationId?: string;
  /** The message ids in the database, once saved. */
  messageIds?: string[];
}
