import type { IncomingHttpHeaders } from "node:http";
import type { Script } from "./script.ts";
import type { WireFormatId } from "./types.ts";

/** A model request as the server parsed it. */
export interface ParsedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The JSON body, or {} when it was empty. */
  body: Record<string, unknown>;
}

/** One event of a stream: `event:` line (optional) and `data:` line (JSON, or `raw` text as is). */
export interface Frame {
  event?: string;
  data?: unknown;
  raw?: string;
}

export type ErrorKind = "unauthorized" | "rate-limit" | "server-error" | "bad-request";

export interface ErrorDetail {
  /** Overrides the format's default message. */
  message?: string;
  retryAfterSeconds?: number;
  /** The key the request presented, masked to its last 4 characters (null when none was sent). */
  maskedKey: string | null;
}

export interface ErrorResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Everything a format needs to render one answer. */
export interface RenderContext {
  /** A response id in the provider's style (chatcmpl-…, resp_…, msg_…). */
  id: string;
  /** A second id when the format needs one (the Responses API's message item id). */
  itemId: string;
  model: string;
  /** Unix seconds. */
  created: number;
  request: ParsedRequest;
  script: Script;
}

export interface WireFormat {
  id: WireFormatId;
  /** The key the request presents in this provider's header, if any. */
  presentedKey(request: ParsedRequest): string | undefined;
  /** Checks the provider would do before anything else; returns the 400 message, or undefined when fine. */
  validate(request: ParsedRequest): string | undefined;
  isStream(request: ParsedRequest): boolean;
  model(request: ParsedRequest): string | undefined;
  idPrefix: string;
  /** How a stream is encoded on the wire: SSE (with this line ending) or a JSON array (Gemini without `alt=sse`). */
  streamEncoding(request: ParsedRequest): { kind: "sse"; eol: "\n" | "\r\n" } | { kind: "json-array" };
  /** Extra headers of every answer (request ids and the like). */
  responseHeaders(ctx: RenderContext): Record<string, string>;
  error(kind: ErrorKind, detail: ErrorDetail): ErrorResponse;
  /** Events sent before the first content chunk (they are not content: the SDKs do not see a token yet). */
  preamble(ctx: RenderContext): Frame[];
  /** The events carrying content chunk number `index`. */
  delta(ctx: RenderContext, chunk: string, index: number): Frame[];
  /** The events after the last chunk: finish reason, usage, terminator. */
  finish(ctx: RenderContext): Frame[];
  /** A `data:` line that is not JSON, in this format's framing. */
  malformed(ctx: RenderContext): Frame;
  /** The non-streamed JSON answer. */
  complete(ctx: RenderContext): unknown;
}

export function encodeSseFrame(frame: Frame, eol: "\n" | "\r\n"): string {
  const data = frame.raw ?? JSON.stringify(frame.data);
  return `${frame.event != null ? `event: ${frame.event}${eol}` : ""}data: ${data}${eol}${eol}`;
}

export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  if (typeof value !== "string") return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(value.trim());
  return match?.[1];
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `****abcd`: the last 4 characters of a secret, never more (all hidden when it is 4 characters or fewer). */
export function maskSecret(secret: string): string {
  return secret.length <= 4 ? "****" : `****${secret.slice(-4)}`;
}

export function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === "string" ? value : undefined;
}
