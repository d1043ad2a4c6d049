import type { ChoiceOption, FieldSpec, PixelChatDataParts } from "@pixel/flow";
import { isHiddenMessage } from "./messages.ts";
import type { PixelChatStatus, PixelUIMessage } from "./types.ts";

/** One thing shown in the conversation, in the order the server sent it. */
export type ViewBlock =
  | { kind: "text"; key: string; text: string; streaming: boolean; expert?: string; showExpert: boolean }
  | { kind: "handoff"; key: string; message: string; reason?: string }
  | { kind: "error"; key: string; code: string; message: string; latest: boolean };

export interface ViewMessage {
  id: string;
  role: "user" | "assistant";
  blocks: ViewBlock[];
}

export interface PendingChoices {
  nodeId?: string;
  prompt?: string;
  options: ChoiceOption[];
  allowFreeText: boolean;
}

export interface PendingInput {
  nodeId?: string;
  field: FieldSpec;
  error?: string;
}

/** What a chat window shows, derived from the messages alone. */
export interface ChatView {
  /** Visible messages with at least one block; hidden user messages and empty assistant messages are left out. */
  messages: ViewMessage[];
  /** The quick replies the bot waits for (the last message's `data-choices`), if any. */
  choices: PendingChoices | null;
  /** The fields the bot waits for (the last message's `data-input` parts, one per field name). */
  inputs: PendingInput[];
  /** The last message's `data-error`, if any. */
  error: PixelChatDataParts["error"] | null;
  /** The conversation ended (`data-end` in the last message). */
  ended: PixelChatDataParts["end"] | null;
  /** A turn is in flight: nothing can be sent. */
  busy: boolean;
  /** Show the typing indicator: waiting for the response, or streaming without any text yet. */
  typing: boolean;
}

const isBusy = (status: PixelChatStatus) => status === "submitted" || status === "streaming";

/** A text part may carry its expert when it comes from a saved transcript. */
function partExpert(part: unknown): string | undefined {
  const expert = (part as { expert?: unknown }).expert;
  return typeof expert === "string" && expert ? expert : undefined;
}

function viewMessage(message: PixelUIMessage, expertBefore: string | undefined, isLast: boolean) {
  let expert = expertBefore;
  let labelled: string | undefined;
  const blocks: ViewBlock[] = [];
  const texts = new Set<string>();
  let lastErrorIndex = -1;

  const pushText = (key: string, text: string, streaming: boolean) => {
    if (message.role === "assistant" && expert !== undefined) {
      blocks.push({ kind: "text", key, text, streaming, expert, showExpert: expert !== labelled });
      labelled = expert;
    } else {
      blocks.push({ kind: "text", key, text, streaming, showExpert: false });
    }
    texts.add(text.trim());
  };

  message.parts.forEach((part, index) => {
    const key = `${message.id}-${index}`;
    switch (part.type) {
      case "text":
        expert = partExpert(part) ?? expert;
        if (part.text.trim()) pushText(key, part.text, part.state === "streaming");
        break;
      case "data-expert":
        if (part.data?.name) expert = part.data.name;
        break;
      case "data-choices": {
        // The prompt only comes with the choices: show it as the bot's question unless it was also said.
        const prompt = part.data?.prompt?.trim();
        if (message.role === "assistant" && prompt && !texts.has(prompt)) pushText(key, prompt, false);
        break;
      }
      case "data-handoff":
        if (part.data?.message) {
          blocks.push({
            kind: "handoff",
            key,
            message: part.data.message,
            ...(part.data.reason ? { reason: part.data.reason } : {}),
          });
        }
        break;
      case "data-error":
        lastErrorIndex = blocks.length;
        blocks.push({
          kind: "error",
          key,
          code: part.data?.code ?? "internal",
          message: part.data?.message || "Something went wrong.",
          latest: false,
        });
        break;
      default:
        // data-input, data-end: shown as pending state; data-trace, data-conversation: never shown.
        break;
    }
  });
  const lastError = blocks[lastErrorIndex];
  if (isLast && lastError?.kind === "error") blocks[lastErrorIndex] = { ...lastError, latest: true };
  const view: ViewMessage = { id: message.id, role: message.role === "user" ? "user" : "assistant", blocks };
  return { view, expert };
}

function pendingState(message: PixelUIMessage | undefined) {
  let choices: PendingChoices | null = null;
  const inputs = new Map<string, PendingInput>();
  let error: PixelChatDataParts["error"] | null = null;
  let ended: PixelChatDataParts["end"] | null = null;
  if (message?.role !== "assistant") return { choices, inputs: [], error, ended };
  for (const part of message.parts) {
    if (part.type === "data-choices" && part.data) {
      const { nodeId, prompt, options, allowFreeText } = part.data;
      choices = {
        ...(nodeId ? { nodeId } : {}),
        ...(prompt ? { prompt } : {}),
        options: Array.isArray(options) ? options.filter((o) => o && typeof o.id === "string") : [],
        allowFreeText: allowFreeText ?? true,
      };
    } else if (part.type === "data-input" && part.data?.field?.name) {
      const { nodeId, field, error: fieldError } = part.data;
      inputs.set(field.name, { ...(nodeId ? { nodeId } : {}), field, ...(fieldError ? { error: fieldError } : {}) });
    } else if (part.type === "data-error" && part.data) {
      error = part.data;
    } else if (part.type === "data-end") {
      ended = part.data ?? { reason: "end" };
    }
  }
  if (ended) return { choices: null, inputs: [], error, ended };
  return { choices: choices?.options.length ? choices : null, inputs: [...inputs.values()], error, ended };
}

/** Derives everything a chat window shows from the `useChat` messages and status. */
export function buildChatView(messages: readonly PixelUIMessage[], status: PixelChatStatus): ChatView {
  const views: ViewMessage[] = [];
  let expert: string | undefined;
  messages.forEach((message, index) => {
    if (message.role === "system") return;
    const result = viewMessage(message, expert, index === messages.length - 1);
    expert = result.expert;
    if (!isHiddenMessage(message) && result.view.blocks.length > 0) views.push(result.view);
  });

  const last = messages.at(-1);
  const busy = isBusy(status);
  const hasText = last?.role === "assistant" && last.parts.some((p) => p.type === "text" && p.text.trim() !== "");
  return {
    messages: views,
    ...pendingState(last),
    busy,
    typing: status === "submitted" || (status === "streaming" && !hasText),
  };
}
