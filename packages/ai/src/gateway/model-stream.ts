import type { HistoryMessage } from "@pixel/flow";
import type { LanguageModel } from "ai";
import { toMessages } from "./prompt.ts";

/** A provider model of the AI SDK's language model specification (what createOpenAI()(id) & co. return). */
type SpecModel = Extract<Exclude<LanguageModel, string>, { specificationVersion: "v4" }>;
type CallOptions = Parameters<SpecModel["doStream"]>[0];
type Prompt = CallOptions["prompt"];

/** What the gateway reads of a streamed answer. */
export type ModelStreamPart =
  | { type: "delta"; text: string }
  | { type: "finish"; finishReason: string; inputTokens?: number; outputTokens?: number }
  | { type: "error"; error: unknown };

export interface ModelStreamRequest {
  system: string;
  history: HistoryMessage[];
  prompt: string;
  temperature?: number;
  maxTokens?: number;
}

function toPrompt(request: ModelStreamRequest): Prompt {
  const prompt: Prompt = [];
  if (request.system) prompt.push({ role: "system", content: request.system });
  for (const message of toMessages(request.history, request.prompt)) {
    const text = typeof message.content === "string" ? message.content : "";
    if (message.role === "user") prompt.push({ role: "user", content: [{ type: "text", text }] });
    else if (message.role === "assistant") prompt.push({ role: "assistant", content: [{ type: "text", text }] });
  }
  return prompt;
}

/**
 * One streamed call through the provider's own `doStream`, the layer under the SDK's streamText: the same
 * provider code (request, auth, SSE parsing, usage) without streamText's step, telemetry and transform
 * pipeline, which cost more CPU per chat turn than everything else of a call. A failure before the stream
 * (HTTP status, refused connection) is thrown; one during it arrives as an "error" part or a throw.
 */
export async function* streamModel(
  model: LanguageModel,
  request: ModelStreamRequest,
  signal: AbortSignal,
): AsyncGenerator<ModelStreamPart> {
  if (typeof model === "string" || model.specificationVersion !== "v4") {
    throw new Error("the model must implement the current language model specification (v4)");
  }
  const { stream } = await model.doStream({
    prompt: toPrompt(request),
    temperature: request.temperature,
    maxOutputTokens: request.maxTokens,
    abortSignal: signal,
  });
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value: part } = await reader.read();
      if (done) return;
      if (part.type === "text-delta") {
        if (part.delta) yield { type: "delta", text: part.delta };
      } else if (part.type === "error") {
        yield { type: "error", error: part.error };
      } else if (part.type === "finish") {
        yield {
          type: "finish",
          finishReason: part.finishReason.unified,
          inputTokens: part.usage.inputTokens.total,
          outputTokens: part.usage.outputTokens.total,
        };
      }
    }
  } finally {
    reader.releaseLock();
    // Leaving early (error, consumer gone): the provider's stream and its HTTP response are closed.
    await stream.cancel().catch(() => {});
  }
}
