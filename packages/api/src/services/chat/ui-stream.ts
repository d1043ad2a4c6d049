import { UI_MESSAGE_STREAM_HEADERS } from "ai";

const encoder = new TextEncoder();

export interface UiStreamWriter<Chunk> {
  write(chunk: Chunk): void;
}

/**
 * The AI SDK UI message stream protocol (SSE: `data: <chunk JSON>` events, then `data: [DONE]`) written straight
 * into one byte stream. Chunks written in the same turn of the event loop leave as one network write: a chat
 * turn emits ~20 chunks, and a write per chunk (the SDK's createUIMessageStream, a pipeline of transform
 * streams) was the largest CPU cost of a turn after the database. A token that arrives on its own still leaves
 * at once (the flush is the next macrotask).
 */
export function uiMessageStream<Chunk>(
  execute: (writer: UiStreamWriter<Chunk>) => Promise<void>,
  onError: (error: unknown) => string,
): ReadableStream<Uint8Array> {
  let pending = "";
  let scheduled = false;
  let closed = false;
  let controller: ReadableStreamDefaultController<Uint8Array>;

  const flush = () => {
    scheduled = false;
    if (closed || !pending) return;
    const text = pending;
    pending = "";
    controller.enqueue(encoder.encode(text));
  };
  const send = (chunk: unknown) => {
    if (closed) return;
    pending += `data: ${JSON.stringify(chunk)}\n\n`;
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      void execute({ write: send })
        .catch((error: unknown) => send({ type: "error", errorText: onError(error) }))
        .finally(() => {
          if (closed) return;
          pending += "data: [DONE]\n\n";
          flush();
          closed = true;
          controller.close();
        });
    },
    cancel() {
      // The reader left (tab closed): the turn runs on and saves; nothing more is sent.
      closed = true;
      pending = "";
    },
  });
}

/** The stream as a Response with the protocol's headers. */
export function uiMessageStreamResponse(stream: ReadableStream<Uint8Array>, headers?: HeadersInit): Response {
  const merged = new Headers(headers);
  for (const [name, value] of Object.entries(UI_MESSAGE_STREAM_HEADERS)) {
    if (!merged.has(name)) merged.set(name, value);
  }
  return new Response(stream, { status: 200, headers: merged });
}
