import type { Reply, ReplyUsage } from "./types.ts";

/** What a reply becomes once resolved against a request: the content chunks and the usage to report. */
export interface Script {
  reply: Reply;
  chunks: string[];
  /** The chunks joined: the whole answer. */
  content: string;
  usage: ReplyUsage;
  /** The reply carried `json` (structured output). */
  isJson: boolean;
}

export const DEFAULT_SLOW_FIRST_TOKEN_MS = 500;
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * Splits a text into stream chunks. Words keep the whitespace in front of them ("Hello", " world", "!"),
 * so the chunks join back to the exact text; a text without spaces (JSON) is cut into up to 4 equal slices.
 */
export function splitText(text: string): string[] {
  if (text === "") return [];
  const words = text.split(/(?<=\S)(?=\s)/);
  if (words.length > 1) return words;
  const slices = Math.min(4, text.length);
  const size = Math.ceil(text.length / slices);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** About one token per 4 characters, at least 1: a stable default when a reply scripts no usage. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** The prompt part of a request body, for the default input token count. */
export function promptText(body: unknown): string {
  if (body == null || typeof body !== "object") return "";
  const b = body as Record<string, unknown>;
  const parts = [b.system, b.instructions, b.systemInstruction, b.messages, b.input, b.contents].filter(
    (p) => p != null,
  );
  return parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join("\n");
}

export function resolveScript(reply: Reply, requestBody: unknown): Script {
  const isJson = reply.json !== undefined;
  const chunks = isJson
    ? splitText(JSON.stringify(reply.json))
    : reply.chunks !== undefined
      ? [...reply.chunks]
      : splitText(reply.text ?? "");
  const content = chunks.join("");
  const usage = reply.usage ?? { input: estimateTokens(promptText(requestBody)), output: estimateTokens(content) };
  return { reply, chunks, content, usage, isJson };
}

/** How many content chunks go out before a "cut-mid-stream" or "malformed-chunk" fault. */
export function faultPoint(reply: Reply, chunkCount: number): number {
  const requested = reply.faultAfterChunks ?? Math.max(1, Math.ceil(chunkCount / 2));
  return Math.max(0, Math.min(chunkCount, Math.floor(requested)));
}
