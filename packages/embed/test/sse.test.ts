import { describe, expect, it } from "vitest";
import { readStream, SseParser } from "../src/api.ts";
import type { Chunk } from "../src/types.ts";

/** A response body that hands out the given pieces, one per read. */
function body(pieces: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const p of pieces) controller.enqueue(typeof p === "string" ? encoder.encode(p) : p);
      controller.close();
    },
  });
}

async function chunks(pieces: (string | Uint8Array)[]): Promise<Chunk[]> {
  const out: Chunk[] = [];
  await readStream(body(pieces), (c) => out.push(c));
  return out;
}

const sse = (...events: unknown[]) =>
  events.map((e) => `data: ${typeof e === "string" ? e : JSON.stringify(e)}\n\n`).join("");

describe("SseParser", () => {
  it("returns nothing until an event is complete", () => {
    const p = new SseParser();
    expect(p.push('data: {"type":"st')).toEqual([]);
    expect(p.push('art"}\n')).toEqual([]);
    expect(p.push("\n")).toEqual(['{"type":"start"}']);
  });

  it("joins multi-line data, skips comments and other fields, accepts CRLF split across pieces", () => {
    const p = new SseParser();
    expect(p.push(": keep-alive\r\n\r\nevent: x\r\nid: 1\r\ndata: a\r\ndata:b\r")).toEqual([]);
    expect(p.push("\n\r\ndata: c\n\n")).toEqual(["a\nb", "c"]);
  });
});

describe("readStream", () => {
  const turn = [
    { type: "start" },
    { type: "data-conversation", data: { conversationId: "c1" } },
    { type: "text-start", id: "t0" },
    { type: "text-delta", id: "t0", delta: "Hel" },
    { type: "text-delta", id: "t0", delta: "lo 👋" },
    { type: "text-end", id: "t0" },
    { type: "finish" },
  ];

  it("reads several events per read", async () => {
    expect(await chunks([sse(...turn, "[DONE]")])).toEqual(turn);
  });

  it("reads events split across reads at every position, multi-byte characters included", async () => {
    const bytes = new TextEncoder().encode(sse(...turn, "[DONE]"));
    for (let cut = 1; cut < bytes.length; cut += 7) {
      expect(await chunks([bytes.slice(0, cut), bytes.slice(cut)])).toEqual(turn);
    }
    // One byte per read.
    expect(await chunks(Array.from(bytes, (b) => Uint8Array.of(b)))).toEqual(turn);
  });

  it("stops at [DONE] and ignores what follows", async () => {
    expect(await chunks([sse({ type: "start" }, "[DONE]", { type: "finish" })])).toEqual([{ type: "start" }]);
  });

  it("reads to the end of the body without [DONE], including a last event without its blank line", async () => {
    expect(await chunks([sse({ type: "start" }), 'data: {"type":"finish"}'])).toEqual([
      { type: "start" },
      { type: "finish" },
    ]);
  });

  it("skips data that is not a JSON chunk", async () => {
    expect(await chunks([sse("not json", { no: "type" }, { type: "finish" }, "[DONE]")])).toEqual([{ type: "finish" }]);
  });
});
