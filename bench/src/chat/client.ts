/**
 * The one HTTP client of the bench (Node's fetch, keep-alive) for both sides: a chat turn through the app
 * server, and the same answer straight from the stand-in. Each reads its SSE stream to the last byte, then
 * checks what it got, so a wrong or failed answer stops the run instead of being timed.
 */

const TIMEOUT_MS = 15_000;

export interface TurnTarget {
  /** The app server, e.g. http://127.0.0.1:PORT */
  serverUrl: string;
  slug: string;
  /** Sent as Origin: a page embedding the widget. */
  origin: string;
}

export interface TurnResult {
  conversationId: string;
  text: string;
  deltas: number;
}

async function readAll(response: Response): Promise<string> {
  // Read chunk by chunk as it streams (what a widget does), then decode once.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return Buffer.concat(parts).toString("utf8");
}

function dataLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) if (line.startsWith("data: ")) out.push(line.slice(6));
  return out;
}

/** One end-user turn: POST /api/chat/:slug, the UI message stream read to its end. */
export async function chatTurn(
  target: TurnTarget,
  body: { conversationId?: string; endUserId: string; input: unknown },
): Promise<TurnResult> {
  const response = await fetch(`${target.serverUrl}/api/chat/${target.slug}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: target.origin },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await readAll(response);
  if (response.status !== 200) throw new Error(`chat turn answered ${response.status}: ${text.slice(0, 300)}`);
  let conversationId = body.conversationId ?? "";
  let answer = "";
  let deltas = 0;
  let finished = false;
  for (const data of dataLines(text)) {
    if (data === "[DONE]") continue;
    const chunk = JSON.parse(data) as { type: string; delta?: string; data?: { conversationId?: string } };
    if (chunk.type === "text-delta") {
      answer += chunk.delta ?? "";
      deltas += 1;
    } else if (chunk.type === "data-conversation") {
      conversationId = chunk.data?.conversationId ?? conversationId;
    } else if (chunk.type === "error" || chunk.type === "data-error") {
      throw new Error(`chat turn streamed an error: ${data.slice(0, 300)}`);
    } else if (chunk.type === "finish") {
      finished = true;
    }
  }
  if (!finished) throw new Error("chat turn ended without its finish chunk");
  return { conversationId, text: answer, deltas };
}

export interface DirectTarget {
  /** The stand-in's OpenAI Responses endpoint: `${baseUrls.openai}/responses`. */
  url: string;
  secret: string;
  /** The request body the app's AI call sent (stream: true), replayed as is. */
  body: string;
}

/** The provider called directly: the same Responses request, its SSE read to the end. */
export async function directCall(target: DirectTarget): Promise<{ text: string; deltas: number }> {
  const response = await fetch(target.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${target.secret}` },
    body: target.body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await readAll(response);
  if (response.status !== 200) throw new Error(`stand-in answered ${response.status}: ${text.slice(0, 300)}`);
  let answer = "";
  let deltas = 0;
  let completed = false;
  for (const data of dataLines(text)) {
    const event = JSON.parse(data) as { type: string; delta?: string };
    if (event.type === "response.output_text.delta") {
      answer += event.delta ?? "";
      deltas += 1;
    } else if (event.type === "response.completed") {
      completed = true;
    }
  }
  if (!completed) throw new Error("stand-in stream ended without response.completed");
  return { text: answer, deltas };
}
