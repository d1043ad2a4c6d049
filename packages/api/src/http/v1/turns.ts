import type { FlowEvent, FlowState, TurnInput } from "@pixel/flow";
import {
  type ChatDeps,
  type ChatTurnOutcome,
  type ChatTurnRequest,
  openChatTurn,
  type PixelChunk,
} from "../../services/chat/index.ts";
import { TurnTranscript } from "../../services/chat/transcript.ts";
import type { ConversationTurnResponse } from "./schemas.ts";

export interface TurnSequenceOutcome {
  conversationId: string;
  state: FlowState;
  /** Every turn's outcome, in order (one, or a start turn and then the user's turn). */
  turns: ChatTurnOutcome[];
}

/** One API request's turns: run them in order, streaming every chunk through `write`. */
export interface TurnSequence {
  conversationId: string;
  run(write: (chunk: PixelChunk) => void): Promise<TurnSequenceOutcome>;
}

export interface TurnSequenceRequest extends Omit<ChatTurnRequest, "input" | "conversationId"> {
  /** null: a new conversation. */
  conversationId: string | null;
  input: TurnInput;
  /** Set on the start turn, whether it is the input itself or run before it. */
  variables?: Record<string, string | number | boolean>;
}

/**
 * Opens the request's first turn (so refusals such as an unknown conversation come before any stream).
 * A new conversation whose input is not a start runs the flow's start first, and then the input only if the
 * flow waits for one: the first call already gets the greeting and an answer, and the input is never taken
 * for the trigger that starts the flow.
 */
export async function openTurnSequence(deps: ChatDeps, request: TurnSequenceRequest): Promise<TurnSequence> {
  const { conversationId, input, variables, ...scope } = request;
  const startFirst = conversationId === null && input.type !== "start" && input.type !== "restart";
  const firstInput: TurnInput = startFirst
    ? { type: "start", ...(variables ? { variables } : {}) }
    : input.type === "start" && variables
      ? { ...input, variables: { ...input.variables, ...variables } }
      : input;
  const first = await openChatTurn(deps, { ...scope, conversationId, input: firstInput });
  return {
    conversationId: first.conversationId,
    async run(write) {
      const turns = [await first.run(write)];
      let state = (turns[0] as ChatTurnOutcome).state;
      if (startFirst && state.status === "waiting") {
        const next = await openChatTurn(deps, { ...scope, conversationId: first.conversationId, input });
        const outcome = await next.run(write);
        turns.push(outcome);
        state = outcome.state;
      }
      return { conversationId: first.conversationId, state, turns };
    },
  };
}

const STATUS: Record<FlowState["status"], ConversationTurnResponse["status"]> = {
  new: "active",
  waiting: "active",
  handoff: "waiting_for_operator",
  ended: "ended",
};

export function conversationStatus(state: FlowState): ConversationTurnResponse["status"] {
  return STATUS[state.status];
}

/** The JSON answer of a REST turn: what the bot said (as saved, with ids), and what it waits for. */
export function turnResponse(outcome: TurnSequenceOutcome): ConversationTurnResponse {
  const messages: ConversationTurnResponse["messages"] = [];
  const errors: NonNullable<ConversationTurnResponse["errors"]> = [];
  for (const turn of outcome.turns) {
    const transcript = new TurnTranscript();
    for (const event of turn.events) {
      transcript.add(event);
      if (event.type === "error") errors.push({ code: event.code, message: event.message });
    }
    transcript.records.forEach((record, index) => {
      const text = record.parts
        .filter((p) => p.type === "text")
        .map((p) => String(p.text ?? ""))
        .filter(Boolean)
        .join("\n\n");
      if (!text && !record.model) return;
      messages.push({
        id: turn.messageIds[index] ?? "",
        role: "assistant",
        text,
        nodeId: record.nodeId,
        ...(record.model ? { model: record.model } : {}),
        tokensIn: record.tokensIn,
        tokensOut: record.tokensOut,
        costUsd: record.costUsd,
        status: record.status,
      });
    });
  }
  const { state } = outcome;
  const lastEvents = outcome.turns.at(-1)?.events ?? [];
  const waitingAt = state.status === "waiting" ? (state.waiting?.nodeId ?? null) : null;
  const choices = lastOf(lastEvents, "choices", waitingAt);
  const input = lastOf(lastEvents, "input-request", waitingAt);
  return {
    conversationId: outcome.conversationId,
    status: conversationStatus(state),
    messages,
    ...(choices
      ? {
          choices: {
            nodeId: choices.nodeId,
            ...(choices.prompt ? { prompt: choices.prompt } : {}),
            options: choices.options.map((o) => ({ id: o.id, label: o.label })),
            allowFreeText: choices.allowFreeText,
          },
        }
      : {}),
    ...(input
      ? { input: { nodeId: input.nodeId, field: input.field, ...(input.error ? { error: input.error } : {}) } }
      : {}),
    ...(errors.length ? { errors } : {}),
    ended: state.status === "ended",
  };
}

function lastOf<T extends FlowEvent["type"]>(
  events: FlowEvent[],
  type: T,
  nodeId: string | null,
): Extract<FlowEvent, { type: T }> | undefined {
  if (nodeId === null) return undefined;
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i] as FlowEvent;
    if (event.type === type && "nodeId" in event && event.nodeId === nodeId) {
      return event as Extract<FlowEvent, { type: T }>;
    }
  }
  return undefined;
}

/** Tokens of every AI call of the turns: streamed answers (text-end) and the others (ai-usage). */
export function usageOf(outcome: TurnSequenceOutcome): { tokensIn: number; tokensOut: number } {
  let tokensIn = 0;
  let tokensOut = 0;
  for (const turn of outcome.turns) {
    for (const event of turn.events) {
      const usage = event.type === "text-end" ? event.usage : event.type === "ai-usage" ? event.usage : undefined;
      if (!usage) continue;
      tokensIn += usage.tokensIn;
      tokensOut += usage.tokensOut;
    }
  }
  return { tokensIn, tokensOut };
}
