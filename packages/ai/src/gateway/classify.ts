import {
  APICallError,
  EmptyResponseBodyError,
  InvalidResponseDataError,
  JSONParseError,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  RetryError,
  StreamProviderError,
  TypeValidationError,
} from "ai";
import { ProviderConfigError } from "../providers/create-model.ts";

export type FailureCode =
  | "rate_limited"
  | "server_error"
  | "timeout"
  | "network"
  | "auth"
  | "bad_response"
  | "bad_output"
  | "bad_request"
  | "config"
  | "unknown";

export interface Failure {
  code: FailureCode;
  status?: number;
  /** From Retry-After / retry-after-ms, when the provider sent one. */
  retryAfterMs?: number;
  /** Our own words, safe to show: "rate limited (429)". */
  reason: string;
  /** The provider's or runtime's text, for attempt records only; scrub before keeping. */
  detail: string;
  /** The key itself is at fault or overloaded, so it rests; a bad request or bad output is the model's. */
  coolDown: boolean;
}

export interface ClassifyContext {
  /** Our first-token (or whole-call) timer fired. */
  timedOut: boolean;
  timeoutMs: number;
  now: number;
  /** Wording when the timer fired; default "no first token within …". */
  timeoutReason?: string;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

const COOL: Record<FailureCode, boolean> = {
  rate_limited: true,
  server_error: true,
  timeout: true,
  network: true,
  auth: true,
  bad_response: true,
  bad_output: false,
  bad_request: false,
  config: false,
  unknown: false,
};

function failure(code: FailureCode, reason: string, detail: string, extra: Partial<Failure> = {}): Failure {
  return { code, reason, detail, coolDown: COOL[code], ...extra };
}

/** Retry-After is seconds or an HTTP date; retry-after-ms (OpenAI) is milliseconds. Capped at an hour. */
export function retryAfterMs(headers: Record<string, string> | undefined, now: number): number | undefined {
  if (!headers) return undefined;
  const get = (name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const ms = Number(get("retry-after-ms"));
  let value: number | undefined = Number.isFinite(ms) && ms > 0 ? ms : undefined;
  const raw = get("retry-after")?.trim();
  if (value === undefined && raw) {
    const seconds = Number(raw);
    if (Number.isFinite(seconds) && seconds >= 0) value = seconds * 1000;
    else {
      const date = Date.parse(raw);
      if (Number.isFinite(date)) value = Math.max(0, date - now);
    }
  }
  return value === undefined ? undefined : Math.min(value, 3_600_000);
}

function errorCodeOf(error: unknown): string | undefined {
  // fetch wraps socket errors: TypeError("fetch failed") with cause { code: "ECONNREFUSED" }.
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === "string" ? error : "unknown error";
}

function fromStatus(status: number, detail: string, headers: Record<string, string> | undefined, now: number): Failure {
  if (status === 429)
    return failure("rate_limited", `rate limited (429)`, detail, { status, retryAfterMs: retryAfterMs(headers, now) });
  if (status === 401 || status === 403) return failure("auth", `the key was refused (${status})`, detail, { status });
  if (status === 408) return failure("timeout", "the provider timed out (408)", detail, { status });
  if (status >= 500)
    return failure("server_error", `server error (${status})`, detail, {
      status,
      retryAfterMs: retryAfterMs(headers, now),
    });
  if (status === 404) return failure("bad_request", "the model or endpoint was not found (404)", detail, { status });
  return failure("bad_request", `the request was rejected (${status})`, detail, { status });
}

/** Maps whatever the SDK or runtime threw to one failure code, with our own wording. */
export function classifyFailure(error: unknown, ctx: ClassifyContext): Failure {
  if (ctx.timedOut) {
    const reason = ctx.timeoutReason ?? `no first token within ${formatSeconds(ctx.timeoutMs)}`;
    return failure("timeout", reason, messageOf(error));
  }
  let e = error;
  // maxRetries is 0, but unwrap in case a wrapper still arrives.
  if (RetryError.isInstance(e)) e = e.lastError;
  if (NoOutputGeneratedError.isInstance(e) && e.cause) e = e.cause;
  const detail = messageOf(e);
  if (e instanceof ProviderConfigError) return failure("config", e.message, detail);
  if (APICallError.isInstance(e)) {
    if (e.statusCode) return fromStatus(e.statusCode, detail, e.responseHeaders, ctx.now);
    const code = errorCodeOf(e);
    return failure("network", `could not connect${code ? ` (${code})` : ""}`, detail);
  }
  if (StreamProviderError.isInstance(e)) {
    if (e.statusCode) return fromStatus(e.statusCode, detail, undefined, ctx.now);
    return failure("server_error", "the provider reported an error in the stream", detail);
  }
  if (NoObjectGeneratedError.isInstance(e)) return failure("bad_output", "the answer did not match the schema", detail);
  if (TypeValidationError.isInstance(e) || JSONParseError.isInstance(e) || InvalidResponseDataError.isInstance(e)) {
    return failure("bad_response", "the provider sent a malformed response", detail);
  }
  if (EmptyResponseBodyError.isInstance(e))
    return failure("bad_response", "the provider sent an empty response", detail);
  const netCode = errorCodeOf(e);
  if (netCode) return failure("network", `the connection failed (${netCode})`, detail);
  if (e instanceof TypeError && /fetch failed|terminated|network/i.test(e.message)) {
    return failure("network", "the connection failed", detail);
  }
  if (e instanceof Error && (e.name === "AbortError" || e.name === "TimeoutError")) {
    return failure("timeout", "the call was aborted", detail);
  }
  return failure("unknown", "the call failed", detail);
}

export function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
