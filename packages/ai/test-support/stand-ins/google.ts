/**
 * Google Gemini (Generative Language API), `POST /v1beta/models/{model}:generateContent` and
 * `:streamGenerateContent?alt=sse`. Key in `x-goog-api-key` (or the `key` query parameter).
 *
 * Stream: unnamed SSE events with CRLF line endings (`data: {…}\r\n\r\n`), each a whole GenerateContentResponse:
 * `candidates[0].content.parts[].text` (role "model"), `usageMetadata`, `modelVersion`, `responseId`. Every chunk
 * carries usageMetadata (the SDK keeps the last one): promptTokenCount only until the final chunk, which has an
 * empty text part, `finishReason: "STOP"` and the complete counts (promptTokenCount, candidatesTokenCount,
 * totalTokenCount). No terminator line. Without `alt=sse` the stream is one JSON array. Structured output arrives as
 * `generationConfig.responseMimeType = "application/json"` + `responseJsonSchema`; the answer is the JSON text.
 */
import type { ErrorDetail, ErrorKind, ErrorResponse, Frame, ParsedRequest, RenderContext, WireFormat } from "./wire.ts";
import { headerValue } from "./wire.ts";

const METHOD_PATH = /^\/v1(?:beta)?\/(.+):(generateContent|streamGenerateContent)$/;

export function matchGeminiPath(path: string): { model: string; stream: boolean } | undefined {
  const match = METHOD_PATH.exec(path);
  if (match == null) return undefined;
  const modelPath = decodeURIComponent(match[1] ?? "");
  return {
    model: modelPath.startsWith("models/") ? modelPath.slice("models/".length) : modelPath,
    stream: match[2] === "streamGenerateContent",
  };
}

function googleError(kind: ErrorKind, detail: ErrorDetail): ErrorResponse {
  switch (kind) {
    case "unauthorized":
      return {
        status: 401,
        body: {
          error: {
            code: 401,
            message:
              detail.message ??
              (detail.maskedKey == null
                ? "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."
                : "API key not valid. Please pass a valid API key."),
            status: "UNAUTHENTICATED",
            details: [
              {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                reason: "API_KEY_INVALID",
                domain: "googleapis.com",
                metadata: { service: "generativelanguage.googleapis.com" },
              },
            ],
          },
        },
      };
    case "rate-limit": {
      const seconds = detail.retryAfterSeconds ?? 1;
      return {
        status: 429,
        headers: { "retry-after": String(seconds) },
        body: {
          error: {
            code: 429,
            message:
              detail.message ??
              "You exceeded your current quota, please check your plan and billing details. (stand-in)",
            status: "RESOURCE_EXHAUSTED",
            details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${seconds}s` }],
          },
        },
      };
    }
    case "server-error":
      return {
        status: 500,
        body: {
          error: {
            code: 500,
            message: detail.message ?? "An internal error has occurred. Please retry or report it.",
            status: "INTERNAL",
          },
        },
      };
    case "bad-request":
      return {
        status: 400,
        body: { error: { code: 400, message: detail.message ?? "Bad request", status: "INVALID_ARGUMENT" } },
      };
  }
}

function response(ctx: RenderContext, text: string, final: boolean): Record<string, unknown> {
  const { input, output } = ctx.script.usage;
  return {
    candidates: [
      {
        content: { parts: [{ text }], role: "model" },
        ...(final ? { finishReason: "STOP" } : {}),
        index: 0,
      },
    ],
    usageMetadata: final
      ? {
          promptTokenCount: input,
          candidatesTokenCount: output,
          totalTokenCount: input + output,
          promptTokensDetails: [{ modality: "TEXT", tokenCount: input }],
        }
      : { promptTokenCount: input, totalTokenCount: input },
    modelVersion: ctx.model,
    responseId: ctx.id,
  };
}

function isSse(request: ParsedRequest): boolean {
  return request.query.get("alt") === "sse";
}

export const googleGemini: WireFormat = {
  id: "google-gemini",
  idPrefix: "",
  presentedKey: (request) => headerValue(request.headers, "x-goog-api-key") ?? request.query.get("key") ?? undefined,
  validate(request) {
    if (!Array.isArray(request.body.contents)) return "* GenerateContentRequest.contents: contents is not specified";
    return undefined;
  },
  isStream: (request) => matchGeminiPath(request.path)?.stream === true,
  model: (request) => matchGeminiPath(request.path)?.model,
  streamEncoding: (request) => (isSse(request) ? { kind: "sse", eol: "\r\n" } : { kind: "json-array" }),
  responseHeaders: () => ({}),
  error: googleError,
  preamble: () => [],
  delta: (ctx, text): Frame[] => [{ data: response(ctx, text, false) }],
  finish: (ctx): Frame[] => [{ data: response(ctx, "", true) }],
  malformed: () => ({ raw: '{"candidates":[{"content":{"parts":[{"text":"cut' }),
  complete: (ctx) => response(ctx, ctx.script.content, true),
};
