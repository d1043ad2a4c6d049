/**
 * OpenAI Responses API, `POST /v1/responses` (what `openai(model)` calls in @ai-sdk/openai).
 *
 * Stream: named SSE events (`event: <type>` + `data: {type, sequence_number, …}`):
 * response.created, response.in_progress (both sent at once, before any token), then with the first token
 * response.output_item.added (a `message` item), response.content_part.added, one response.output_text.delta per
 * chunk, then response.output_text.done, response.content_part.done, response.output_item.done and
 * response.completed whose `response.usage` has {input_tokens, output_tokens, total_tokens, *_details}.
 * No `[DONE]` line. Structured output arrives as `text.format = {type: "json_schema", name, schema, strict}`;
 * the answer is the JSON text of the message.
 */
import { openaiError } from "./openai-chat.ts";
import type { Frame, RenderContext, WireFormat } from "./wire.ts";
import { bearerToken, stringField } from "./wire.ts";

function usageObject(ctx: RenderContext) {
  const { input, output } = ctx.script.usage;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

/** The id of the one message output item (`msg_…`). */
function messageId(ctx: RenderContext): string {
  return `msg_${ctx.itemId}`;
}

function outputText(text: string) {
  return { type: "output_text", annotations: [], logprobs: [], text };
}

function messageItem(ctx: RenderContext, status: "in_progress" | "completed") {
  return {
    id: messageId(ctx),
    type: "message",
    status,
    content: status === "completed" ? [outputText(ctx.script.content)] : [],
    role: "assistant",
  };
}

function responseObject(ctx: RenderContext, status: "in_progress" | "completed") {
  const body = ctx.request.body;
  const text = body.text != null && typeof body.text === "object" ? body.text : { format: { type: "text" } };
  return {
    id: ctx.id,
    object: "response",
    created_at: ctx.created,
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: ctx.model,
    output: status === "completed" ? [messageItem(ctx, "completed")] : [],
    parallel_tool_calls: true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    service_tier: "default",
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text,
    tool_choice: "auto",
    tools: [],
    top_p: body.top_p ?? 1,
    truncation: "disabled",
    usage: status === "completed" ? usageObject(ctx) : null,
    user: null,
    metadata: {},
  };
}

function event(type: string, sequence: number, payload: Record<string, unknown>): Frame {
  return { event: type, data: { type, sequence_number: sequence, ...payload } };
}

/** The message item opens with the first token, as it does on the real API (after the model's first-token latency). */
function openMessage(ctx: RenderContext, sequence: number): Frame[] {
  return [
    event("response.output_item.added", sequence, { output_index: 0, item: messageItem(ctx, "in_progress") }),
    event("response.content_part.added", sequence + 1, {
      item_id: messageId(ctx),
      output_index: 0,
      content_index: 0,
      part: outputText(""),
    }),
  ];
}

export const openaiResponses: WireFormat = {
  id: "openai-responses",
  idPrefix: "resp_",
  presentedKey: (request) => bearerToken(request.headers),
  validate(request) {
    if (stringField(request.body, "model") == null) return "Missing required parameter: 'model'.";
    const input = request.body.input;
    if (typeof input !== "string" && !Array.isArray(input)) return "Missing required parameter: 'input'.";
    return undefined;
  },
  isStream: (request) => request.body.stream === true,
  model: (request) => stringField(request.body, "model"),
  streamEncoding: () => ({ kind: "sse", eol: "\n" }),
  responseHeaders: (ctx) => ({ "x-request-id": `req_${ctx.id}`, "openai-processing-ms": "1" }),
  error: openaiError,
  preamble: (ctx) => [
    event("response.created", 0, { response: responseObject(ctx, "in_progress") }),
    event("response.in_progress", 1, { response: responseObject(ctx, "in_progress") }),
  ],
  delta(ctx, text, index) {
    const delta = event("response.output_text.delta", 4 + index, {
      item_id: messageId(ctx),
      output_index: 0,
      content_index: 0,
      delta: text,
      logprobs: [],
    });
    return index === 0 ? [...openMessage(ctx, 2), delta] : [delta];
  },
  finish(ctx) {
    const count = ctx.script.chunks.length;
    const frames = count === 0 ? openMessage(ctx, 2) : [];
    let sequence = 4 + count;
    const content = ctx.script.content;
    frames.push(
      event("response.output_text.done", sequence++, {
        item_id: messageId(ctx),
        output_index: 0,
        content_index: 0,
        text: content,
        logprobs: [],
      }),
      event("response.content_part.done", sequence++, {
        item_id: messageId(ctx),
        output_index: 0,
        content_index: 0,
        part: outputText(content),
      }),
      event("response.output_item.done", sequence++, { output_index: 0, item: messageItem(ctx, "completed") }),
      event("response.completed", sequence++, { response: responseObject(ctx, "completed") }),
    );
    return frames;
  },
  malformed: () => ({ event: "response.output_text.delta", raw: '{"type":"response.output_text.delta","delta":"cut' }),
  complete: (ctx) => responseObject(ctx, "completed"),
};
