import type { JsonValue } from "./json.ts";

/** What a field asks the user for; shared by collect-data forms and input requests. */
export interface FieldSpec {
  name: string;
  label: string;
  type: "text" | "email" | "number" | "phone" | "date" | "select";
  required: boolean;
  options?: string[];
  min?: number;
  max?: number;
  placeholder?: string;
}

export interface ChoiceOption {
  id: string;
  label: string;
}

export interface AiUsage {
  provider?: string;
  model: string;
  tokensIn: number;
  tokensOut: number;
  costUsd?: number;
  latencyMs?: number;
}

/** Everything the engine tells its driver during a turn. Plain data: serialisable as is. */
export type FlowEvent =
  | { type: "message"; nodeId: string; text: string; imageUrl?: string; typingDelayMs: number; expert?: string }
  | { type: "text-start"; nodeId: string; messageId: string; expert?: string }
  | { type: "text-delta"; nodeId: string; messageId: string; delta: string }
  | {
      type: "text-end";
      nodeId: string;
      messageId: string;
      text: string;
      status: "complete" | "partial";
      usage?: AiUsage;
    }
  | { type: "choices"; nodeId: string; prompt?: string; options: ChoiceOption[]; allowFreeText: boolean }
  | { type: "input-request"; nodeId: string; field: FieldSpec; error?: string }
  | { type: "expert-change"; nodeId: string; expert: { name: string; model?: string } }
  | { type: "handoff"; nodeId: string; message: string; reason?: string }
  | { type: "variables-set"; nodeId: string; values: Record<string, JsonValue> }
  | { type: "ai-usage"; nodeId: string; usage: AiUsage }
  | { type: "webhook-result"; nodeId: string; ok: boolean; status?: number; error?: string }
  | { type: "error"; nodeId?: string; code: FlowErrorCode; message: string }
  | { type: "end"; nodeId?: string; reason: "end-node" | "dead-end" | "handoff" };

export type FlowErrorCode =
  | "step-budget-exceeded"
  | "unknown-node"
  | "invalid-input"
  | "ai-unavailable"
  | "ai-failed"
  | "webhook-failed"
  | "conversation-ended"
  | "node-failed";
