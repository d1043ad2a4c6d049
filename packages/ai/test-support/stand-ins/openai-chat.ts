/**
 * OpenAI Chat Completions, `POST /v1/chat/completions` (also what OpenAI-compatible servers speak:
 * Ollama, Groq, Together, OpenRouter, LM Studio, vLLM).
 *
 * Stream: `data: {chat.completion.chunk}` lines without `event:` names: first a role chunk
 * (`delta: {role: "assistant", content: ""}`), one chunk per content delta, a chunk with an empty delta and
 * `finish_reason: "stop"`, then, only when the request sent `stream_options.include_usage`, a chunk with
 * `choices: []` and `usage` (every earlier chunk then carries `usage: null`), and `data: [DONE]`.
 */
import type { ErrorDetail, ErrorKind, ErrorResponse, Frame, ParsedRequest, RenderContext, WireFormat } from "./wire.ts";
import { bearerToken, stringField } from "./wire.ts";

export function openaiError(kind: ErrorKind, detail: ErrorDetail): ErrorResponse {
  switch (kind) {
    case "unauthorized":
      return {
        status: 401,
        body: {
          error: {
            message:
              detail.message ??
              (detail.maskedKey == null
                ? "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
                : `Incorrect API key provided: ${detail.maskedKey}. You can find your API key at https://platform.openai.com/account/api-keys.`),
            type: "invalid_request_error",
            param: null,
            code: detail.maskedKey == null ? null : "invalid_api_key",
          },
        },
      };
    case "rate-limit":
      return {
        status: 429,
        headers: {
          "retry-after": String(detail.retryAfterSeconds ?? 1),
          "x-ratelimit-remaining-requests": "0",
          "x-ratelimit-reset-requests": `${detail.retryAfterSeconds ?? 1}s`,
        },
        body: {
          error: {
            message:
              detail.message ??
              `Rate limit reached for requests. Please try again in ${detail.retryAfterSeconds ?? 1}s. (stand-in)`,
            type: "requests",
            param: null,
            code: "rate_limit_exceeded",
          },
        },
      };
    case "server-error":
      return {
        status: 500,
        body: {
          error: {
            message: detail.message ?? "The server had an error while processing your request. Sorry about that!",
            type: "server_error",
            param: null,
            code: null,
          },
        },
      };
    case "bad-request":
      return {
        status: 400,
        body: {
          error: { message: detail.message ?? "Bad request", type: "invalid_request_error", param: null, code: null },
        },
      };
  }
}

function includeUsage(request: ParsedRequest): boolean {
  const options = request.body.stream_options;
  return options != null && typeof options === "object" && (options as Record<string, unknown>).include_usage === true;
}

function usageObject(ctx: RenderContext) {
  const { input, output } = ctx.script.usage;
  return {
    prompt_tokens: input,
    completion_tokens: output,
    total_tokens: input + output,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function chunk(ctx: RenderContext, choices: unknown[], extra: Record<string, unknown> = {}): Frame {
  return {
    data: {
      id: ctx.id,
      object: "chat.completion.chunk",
      created: ctx.created,
      model: ctx.model,
      service_tier: "default",
      system_fingerprint: "fp_standin",
      choices,
      ...(includeUsage(ctx.request) ? { usage: null } : {}),
      ...extra,
    },
  };
}

export const openaiChat: WireFormat = {
  id: "openai-chat",
  idPrefix: "chatcmpl-",
  presentedKey: (request) => bearerToken(request.headers),
  validate(request) {
    if (stringField(request.body, "model") == null) return "you must provide a model parameter";
    if (!Array.isArray(request.body.messages)) return "Missing required parameter: 'messages'.";
    return undefined;
  },
  isStream: (request) => request.body.stream === true,
  model: (request) => stringField(request.body, "model"),
  streamEncoding: () => ({ kind: "sse", eol: "\n" }),
  responseHeaders: (ctx) => ({ "x-request-id": `req_${ctx.id}`, "openai-processing-ms": "1" }),
  error: openaiError,
  preamble: (ctx) => [
    chunk(ctx, [
      {
        index: 0,
        delta: { role: "assistant", content: "", refusal: null },
        logprobs: null,
        finish_reason: null,
      },
    ]),
  ],
  delta: (ctx, text) => [chunk(ctx, [{ index: 0, delta: { content: text }, logprobs: null, finish_reason: null }])],
  finish(ctx) {
    const frames = [chunk(ctx, [{ index: 0, delta: {}, logprobs: null, finish_reason: "stop" }])];
    if (includeUsage(ctx.request)) frames.push(chunk(ctx, [], { usage: usageObject(ctx) }));
    frames.push({ raw: "[DONE]" });
    return frames;
  },
  malformed: () => ({ raw: '{"id":"chatcmpl-broken","choices":[{"delta":{"content":"never closed' }),
  complete: (ctx) => ({
    id: ctx.id,
    object: "chat.completion",
    created: ctx.created,
    model: ctx.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: ctx.script.content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: "stop",
      },
    ],
    usage: usageObject(ctx),
    service_tier: "default",
    system_fingerprint: "fp_standin",
  }),
};
