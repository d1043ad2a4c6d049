import { describe, expect, it } from "vitest";
import { uiMessageStream, uiMessageStreamResponse } from "../../src/services/chat/ui-stream.ts";

async function reads(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const decoder = new TextDecoder();
  const out: string[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(decoder.decode(value));
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("UI message stream", () => {
  it("speaks the protocol: one SSE event per chunk, then [DONE], with the protocol's headers", async () => {
    const response = uiMessageStreamResponse(
      uiMessageStream<{ type: string; delta?: string }>(async (writer) => {
        writer.write({ type: "start" });
        writer.write({ type: "text-delta", delta: 'say "hi"\n' });
      }, String),
      { "x-extra": "1" },
    );
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    expect(response.headers.get("x-extra")).toBe("1");
    const text = await response.text();
    expect(text).toBe(
      `data: {"type":"start"}\n\ndata: {"type":"text-delta","delta":"say \\"hi\\"\\n"}\n\ndata: [DONE]\n\n`,
    );
  });

  it("sends chunks written in the same turn of the event loop as one write, and later ones as they come", async () => {
    const stream = uiMessageStream<{ n: number }>(async (writer) => {
      for (let n = 0; n < 10; n++) writer.write({ n });
      await tick();
      writer.write({ n: 10 });
      await tick();
    }, String);
    const writes = await reads(stream);
    expect(writes).toHaveLength(3);
    expect(writes[0]?.match(/^data: /gm)).toHaveLength(10);
    expect(writes[1]).toBe('data: {"n":10}\n\n');
    expect(writes[2]).toBe("data: [DONE]\n\n");
  });

  it("turns a failure into an error chunk with the caller's text and still ends the stream", async () => {
    const stream = uiMessageStream<{ type: string }>(
      async (writer) => {
        writer.write({ type: "start" });
        throw new Error("database password=secret");
      },
      () => "Something went wrong.",
    );
    const text = (await reads(stream)).join("");
    expect(text).toContain('data: {"type":"error","errorText":"Something went wrong."}');
    expect(text).not.toContain("secret");
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("keeps running after the reader leaves, sending nothing more", async () => {
    let finished = false;
    const stream = uiMessageStream<{ n: number }>(async (writer) => {
      writer.write({ n: 1 });
      await tick();
      writer.write({ n: 2 });
      await tick();
      finished = true;
    }, String);
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    await tick();
    await tick();
    expect(finished).toBe(true);
  });
});
