import type { ChatConfig, Chunk, History, TurnInput } from "./types.ts";

/** A refused request: the HTTP status (0 when the server could not be reached) and the server's error. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before trying again (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/**
 * Server-sent events, pushed in pieces as they arrive: returns the `data` of every complete event
 * (several `data:` lines joined with "\n"). Events end with a blank line; CRLF and CR line ends are accepted.
 */
export class SseParser {
  private buf = "";

  push(text: string): string[] {
    // A CR at the very end may be the first half of a CRLF: keep it until the next piece.
    this.buf = (this.buf + text).replace(/\r\n|\r(?!$)/g, "\n");
    const out: string[] = [];
    let end = this.buf.indexOf("\n\n");
    while (end >= 0) {
      const data: string[] = [];
      for (const line of this.buf.slice(0, end).split("\n")) {
        if (line.startsWith("data:")) data.push(line.slice(line[5] === " " ? 6 : 5));
      }
      if (data.length) out.push(data.join("\n"));
      this.buf = this.buf.slice(end + 2);
      end = this.buf.indexOf("\n\n");
    }
    return out;
  }
}

/** Reads a UI message stream to its end (`[DONE]` or the end of the body), calling `onChunk` for each chunk. */
export async function readStream(body: ReadableStream<Uint8Array>, onChunk: (chunk: Chunk) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? `${decoder.decode()}\n\n` : decoder.decode(value, { stream: true });
      for (const data of parser.push(text)) {
        if (data === "[DONE]") return;
        let chunk: Chunk | undefined;
        try {
          chunk = JSON.parse(data);
        } catch {
          // Not JSON: skip it, as the AI SDK does.
        }
        if (chunk && typeof chunk.type === "string") onChunk(chunk);
      }
      if (done) return;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

async function fail(res: Response): Promise<ApiError> {
  let error: { code?: string; message?: string } | undefined;
  try {
    error = (await res.json())?.error;
  } catch {
    // No JSON body.
  }
  const wait = Number(res.headers.get("retry-after"));
  return new ApiError(
    res.status,
    error?.code || `http-${res.status}`,
    error?.message || `The chat answered ${res.status}.`,
    wait > 0 ? wait : undefined,
  );
}

/** `fetch` that turns every failure into an ApiError (status 0 when the server cannot be reached). */
async function request(url: string, init?: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: "omit", ...init });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network", "Can't reach the chat. Check your connection.");
  }
  if (!res.ok) throw await fail(res);
  return res;
}

/**
 * Whether the server answers at all (an opaque no-cors request): a CORS failure of a server that answers
 * means it refused this page's origin (it then sends no CORS headers), not that the network is down.
 */
export const reachable = (url: string): Promise<boolean> =>
  fetch(url, { mode: "no-cors", credentials: "omit" }).then(
    () => true,
    () => false,
  );

const base = (api: string, slug: string) => `${api}/api/chat/${encodeURIComponent(slug)}`;

/** The chat's config; a server that refuses this origin without CORS headers answers as a 403. */
export async function fetchConfig(api: string, slug: string): Promise<ChatConfig> {
  const url = `${base(api, slug)}/config`;
  try {
    return await (await request(url)).json();
  } catch (e) {
    if (e instanceof ApiError && !e.status && (await reachable(url))) {
      throw new ApiError(403, "origin-not-allowed", "This site may not use this chat.");
    }
    throw e;
  }
}

export async function fetchHistory(api: string, slug: string, id: string, endUserId: string): Promise<History> {
  const url = `${base(api, slug)}/conversations/${encodeURIComponent(id)}?endUserId=${encodeURIComponent(endUserId)}`;
  return (await request(url)).json();
}

/** Sends one turn and streams the answer into `onChunk`. Throws ApiError when the turn is refused. */
export async function sendTurn(
  api: string,
  slug: string,
  body: { conversationId: string | null; endUserId: string; input: TurnInput },
  onChunk: (chunk: Chunk) => void,
  signal?: AbortSignal,
): Promise<void> {
  const res = await request(base(api, slug), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify(body),
    signal,
  });
  if (!res.body) throw new ApiError(res.status, "no-body", "The chat sent an empty answer.");
  await readStream(res.body, onChunk);
}
