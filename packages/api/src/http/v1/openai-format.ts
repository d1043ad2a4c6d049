import { RateLimitedError } from "../../lib/rate-limit.ts";
import { ChatError, type PixelChunk } from "../../services/chat/index.ts";

/**
 * The text of a turn as one assistant message, built chunk by chunk as the engine streams, so the
 * streamed deltas and the non-streamed content are the same text: bot messages joined by blank lines,
 * quick replies as a numbered list under their prompt ("1. A\n2. B"), input requests as their question.
 */
export class CompletionText {
  text = "";
  private breakBefore = false;

  /** The content this chunk adds ("" for none). */
  push(chunk: PixelChunk): string {
    switch (chunk.type) {
      case "text-start":
        this.breakBefore = this.text.length > 0;
        return "";
      case "text-delta":
        return this.append(chunk.delta);
      case "data-choices":
        return this.block([chunk.data.prompt, numbered(chunk.data.options.map((o) => o.label))]);
      case "data-input": {
        const { field, error } = chunk.data;
        return this.block([error, field.label, field.type === "select" ? numbered(field.options ?? []) : undefined]);
      }
      case "data-handoff":
        return this.block([chunk.data.message]);
      case "data-error":
        return this.block([chunk.data.message]);
      default:
        return "";
    }
  }

  private append(delta: string): string {
    if (!delta) return "";
    const out = `${this.breakBefore ? "\n\n" : ""}${delta}`;
    this.breakBefore = false;
    this.text += out;
    return out;
  }

  private block(lines: (string | undefined)[]): string {
    const body = lines.filter((line): line is string => Boolean(line)).join("\n");
    if (!body) return "";
    this.breakBefore = this.text.length > 0;
    return this.append(body);
  }
}

function numbered(labels: string[]): string {
  return labels.map((label, i) => `${i + 1}. ${label}`).join("\n");
}

const TYPES: Partial<Record<number, string>> = {
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  429: "rate_limit_error",
};

const CODES: Record<string, string> = {
  "missing-api-key": "invalid_api_key",
  "invalid-api-key": "invalid_api_key",
  "revoked-api-key": "invalid_api_key",
  "rate-limited": "rate_limit_exceeded",
};

/** A refusal in OpenAI's error shape, `{ error: { message, type, param, code } }`, so its clients raise the right error. */
export function openAiErrorResponse(error: unknown): Response {
  const headers: Record<string, string> = {};
  if (error instanceof RateLimitedError) {
    headers["retry-after"] = String(error.retryAfterSeconds);
    error = new ChatError(429, "rate-limited", error.message);
  }
  if (!(error instanceof ChatError)) {
    console.error(`[api/v1] completion failed: ${error instanceof Error ? error.message : String(error)}`);
    return Response.json(
      {
        error: {
          message: "Something went wrong. Please try again.",
          type: "server_error",
          param: null,
          code: "internal_error",
        },
      },
      // The user's message may be saved already: an automatic retry would send it twice.
      { status: 500, headers: { "x-should-retry": "false" } },
    );
  }
  const modelNotFound = error.code === "model_not_found";
  if (error.status === 401) headers["www-authenticate"] = 'Bearer realm="pixel"';
  // OpenAI's clients retry 409 by default; nothing published is not fixed by retrying a second later.
  if (error.status === 409) headers["x-should-retry"] = "false";
  return Response.json(
    {
      error: {
        message: error.message,
        type: modelNotFound ? "invalid_request_error" : (TYPES[error.status] ?? "invalid_request_error"),
        param: modelNotFound ? "model" : null,
        code: CODES[error.code] ?? error.code.replaceAll("-", "_"),
      },
    },
    { status: error.status, headers },
  );
}
