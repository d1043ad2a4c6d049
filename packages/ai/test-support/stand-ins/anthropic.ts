/**
 * Anthropic Messages, `POST /v1/messages`. Key in `x-api-key` (or `Authorization: Bearer` for OAuth tokens);
 * `anthropic-version` is required (400 without it, as on the real API).
 *
 * Stream: named SSE events. message_start (with `usage.input_tokens`, and `output_tokens: 1` as a placeholder)
 * and a ping go out at once; with the first token content_block_start, then one content_block_delta per chunk
 * (`text_delta`), content_block_stop, message_delta (`stop_reason`, and the final `usage.output_tokens`),
 * message_stop. Structured output: models with native support send `output_config.format` (json_schema) and get
 * the JSON as text; otherwise the SDK forces a tool named `json`, answered here with a `tool_use` block whose input
 * streams as `input_json_delta` and `stop_reason: "tool_use"`.
 */
import type { ErrorDetail, ErrorKind, ErrorResponse, Frame, ParsedRequest, RenderContext, WireFormat } from "./wire.ts";
import { bearerToken, headerValue, stringField } from "./wire.ts";

function anthropicError(kind: ErrorKind, detail: ErrorDetail, requestId: string): ErrorResponse {
  const body = (type: string, message: string) => ({ type: "error", error: { type, message }, request_id: requestId });
  switch (kind) {
    case "unauthorized":
      return {
        status: 401,
        body: body(
          "authentication_error",
          detail.message ?? (detail.maskedKey == null ? "x-api-key header is required" : "invalid x-api-key"),
        ),
      };
    case "rate-limit":
      return {
        status: 429,
        headers: {
          "retry-after": String(detail.retryAfterSeconds ?? 1),
          "anthropic-ratelimit-requests-remaining": "0",
        },
        body: body(
          "rate_limit_error",
          detail.message ??
            "This request would exceed the rate limit for your organization of 50 requests per minute. (stand-in)",
        ),
      };
    case "server-error":
      return { status: 500, body: body("api_error", detail.message ?? "Internal server error") };
    case "bad-request":
      return { status: 400, body: body("invalid_request_error", detail.message ?? "Bad request") };
  }
}

/** The SDK's fallback for structured output: a forced tool named `json`. */
function usesJsonTool(request: ParsedRequest): boolean {
  const tools = request.body.tools;
  return (
    Array.isArray(tools) &&
    tools.some((tool) => tool != null && typeof tool === "object" && (tool as { name?: unknown }).name === "json")
  );
}

function jsonInput(ctx: RenderContext): unknown {
  if (ctx.script.isJson) return ctx.script.reply.json;
  try {
    return JSON.parse(ctx.script.content);
  } catch {
    return {};
  }
}

function event(type: string, payload: Record<string, unknown> = {}): Frame {
  return { event: type, data: { type, ...payload } };
}

function blockStart(ctx: RenderContext): Frame {
  return event("content_block_start", {
    index: 0,
    content_block: usesJsonTool(ctx.request)
      ? { type: "tool_use", id: `toolu_${ctx.itemId}`, name: "json", input: {} }
      : { type: "text", text: "" },
  });
}

export const anthropicMessages: WireFormat = {
  id: "anthropic-messages",
  idPrefix: "msg_",
  presentedKey: (request) => headerValue(request.headers, "x-api-key") ?? bearerToken(request.headers),
  validate(request) {
    if (headerValue(request.headers, "anthropic-version") == null) return "anthropic-version: header is required";
    if (stringField(request.body, "model") == null) return "model: Field required";
    if (typeof request.body.max_tokens !== "number") return "max_tokens: Field required";
    if (!Array.isArray(request.body.messages)) return "messages: Field required";
    return undefined;
  },
  isStream: (request) => request.body.stream === true,
  model: (request) => stringField(request.body, "model"),
  streamEncoding: () => ({ kind: "sse", eol: "\n" }),
  responseHeaders: (ctx) => ({ "request-id": `req_${ctx.id}`, "anthropic-organization-id": "org-standin" }),
  error: (kind, detail) => anthropicError(kind, detail, `req_standin_${kind}`),
  preamble: (ctx) => [
    event("message_start", {
      message: {
        id: ctx.id,
        type: "message",
        role: "assistant",
        model: ctx.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: ctx.script.usage.input,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          output_tokens: 1,
          service_tier: "standard",
        },
      },
    }),
    event("ping"),
  ],
  delta(ctx, text, index) {
    const delta = event("content_block_delta", {
      index: 0,
      delta: usesJsonTool(ctx.request)
        ? { type: "input_json_delta", partial_json: text }
        : { type: "text_delta", text },
    });
    return index === 0 ? [blockStart(ctx), delta] : [delta];
  },
  finish: (ctx) => [
    ...(ctx.script.chunks.length === 0 ? [blockStart(ctx)] : []),
    event("content_block_stop", { index: 0 }),
    event("message_delta", {
      delta: { stop_reason: usesJsonTool(ctx.request) ? "tool_use" : "end_turn", stop_sequence: null },
      usage: { output_tokens: ctx.script.usage.output },
    }),
    event("message_stop"),
  ],
  malformed: () => ({
    event: "content_block_delta",
    raw: '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"cut',
  }),
  complete: (ctx) => ({
    id: ctx.id,
    type: "message",
    role: "assistant",
    model: ctx.model,
    content: usesJsonTool(ctx.request)
      ? [{ type: "tool_use", id: `toolu_${ctx.itemId}`, name: "json", input: jsonInput(ctx) }]
      : [{ type: "text", text: ctx.script.content }],
    stop_reason: usesJsonTool(ctx.request) ? "tool_use" : "end_turn",
    stop_sequence: null,
    usage: {
      input_tokens: ctx.script.usage.input,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: ctx.script.usage.output,
      service_tier: "standard",
    },
  }),
};
