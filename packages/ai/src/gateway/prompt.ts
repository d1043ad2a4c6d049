import type { HistoryMessage } from "@pixel/flow";
import type { ModelMessage } from "ai";

/**
 * history + prompt as model messages. When the flow's prompt is the user's latest message and that message
 * already ends the history, it is not sent twice.
 */
export function toMessages(history: HistoryMessage[], prompt: string): ModelMessage[] {
  const messages: ModelMessage[] = history
    .filter((m) => m.text)
    .map((m) => (m.role === "user" ? { role: "user", content: m.text } : { role: "assistant", content: m.text }));
  const last = messages.at(-1);
  if (prompt && !(last?.role === "user" && last.content === prompt)) messages.push({ role: "user", content: prompt });
  return messages;
}

/** Rough tokens of a text (≈ 4 characters each), for usage the provider did not report. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimateInputTokens(system: string, history: HistoryMessage[], prompt: string): number {
  return estimateTokens(system) + history.reduce((n, m) => n + estimateTokens(m.text), 0) + estimateTokens(prompt);
}
