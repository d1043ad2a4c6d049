import { randomUUID } from "node:crypto";
import { type HistoryMessage, readState } from "@pixel/flow";
import { ChatError } from "../../services/chat/errors.ts";
import type { TurnStore } from "../../services/chat/store.ts";
import { readPreview, signPreview } from "./signed-state.ts";

/** Enough context for the AI steps of a preview; keeps the token a few kilobytes. */
const HISTORY_LIMIT = 12;
const MESSAGE_CHARS = 2_000;

function textOf(parts: Record<string, unknown>[]): string {
  return parts
    .filter((p) => p.type === "text" && typeof p.text === "string")
    .map((p) => p.text as string)
    .join("\n\n");
}

function remember(history: HistoryMessage[], role: HistoryMessage["role"], text: string): void {
  if (text) history.push({ role, text: text.slice(0, MESSAGE_CHARS) });
  if (history.length > HISTORY_LIMIT) history.splice(0, history.length - HISTORY_LIMIT);
}

/**
 * The turn store of a gallery preview: the conversation is the signed token itself (see signed-state.ts);
 * each turn hands the visitor the next one. Nothing is written; AI attempts are not recorded.
 */
export function previewStore(template: string): TurnStore {
  let history: HistoryMessage[] = [];
  return {
    async open(_scope, conversationId, message) {
      if (!conversationId) {
        history = [];
        if (message) remember(history, "user", message.text);
        const state = readState(undefined);
        return { id: signPreview({ template, state, history: [] }), state, created: true, history: [] };
      }
      const payload = readPreview(conversationId, template);
      if (!payload) {
        throw new ChatError(
          404,
          "conversation-not-found",
          "This preview has expired or belongs to another version of the template. Restart it.",
        );
      }
      const before = payload.history.slice(-HISTORY_LIMIT);
      history = [...before];
      if (message) remember(history, "user", message.text);
      return { id: conversationId, state: readState(payload.state), created: false, history: before };
    },
    async saveUserMessage(_scope, _conversationId, text) {
      remember(history, "user", text);
    },
    async saveTurn(_scope, _conversationId, records, state) {
      for (const record of records) remember(history, "assistant", textOf(record.parts));
      return {
        messageIds: records.map(() => randomUUID()),
        conversationId: signPreview({ template, state, history }),
      };
    },
    async saveAttempts() {},
  };
}
