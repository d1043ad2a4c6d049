import type { TurnInput } from "@pixel/flow";
import { textOf } from "./messages.ts";
import type { PixelMessageMetadata, PixelUIMessage } from "./types.ts";

/** What the chat endpoint receives for every turn: the input, not the message list. */
export type TurnRequestBody = Record<string, unknown> & { conversationId?: string; input: TurnInput };

/** The input of a user message: the one stored in its metadata, or its text for messages that have none. */
export function turnInputOf(message: PixelUIMessage): TurnInput | null {
  if (message.role !== "user") return null;
  const input = message.metadata?.input;
  if (input) return input;
  const text = textOf(message);
  return text.trim() ? { type: "text", text } : null;
}

/** The input of the last user message, i.e. of the turn being sent (or re-sent by `regenerate`). */
export function lastTurnInput(messages: readonly PixelUIMessage[]): TurnInput | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role === "user") return turnInputOf(message);
  }
  return null;
}

/**
 * The request body for a turn: `extraBody`, then the conversation id (when known) and the last user
 * message's input, which `extraBody` cannot override.
 */
export function buildTurnRequestBody(options: {
  messages: readonly PixelUIMessage[];
  conversationId?: string | undefined;
  extraBody?: Record<string, unknown> | undefined;
}): TurnRequestBody {
  const input = lastTurnInput(options.messages);
  if (!input) throw new Error("There is no user input to send.");
  return {
    ...options.extraBody,
    ...(options.conversationId ? { conversationId: options.conversationId } : {}),
    input,
  };
}

/** The newest conversation id the server sent: a `data-conversation` part or the message metadata. */
export function findConversationId(messages: readonly PixelUIMessage[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role !== "assistant") continue;
    for (let j = message.parts.length - 1; j >= 0; j--) {
      const part = message.parts[j];
      if (part?.type === "data-conversation" && part.data?.conversationId) return part.data.conversationId;
    }
    if (message.metadata?.conversationId) return message.metadata.conversationId;
  }
  return undefined;
}

/** The text shown for an input when the caller gives none: what was typed; other inputs show no bubble. */
export function defaultDisplayText(input: TurnInput): string | undefined {
  return input.type === "text" ? input.text : undefined;
}

/** The user message `sendMessage` gets for an input: a text part when there is something to show. */
export function userMessageFor(
  input: TurnInput,
  displayText?: string,
): { parts: { type: "text"; text: string }[]; metadata: PixelMessageMetadata } {
  const text = displayText ?? defaultDisplayText(input);
  const shown = text !== undefined && text.trim() !== "";
  return {
    parts: shown ? [{ type: "text", text }] : [],
    metadata: shown ? { input } : { input, hidden: true },
  };
}
