import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, fetchConfig, sendTurn } from "../src/api.ts";
import type { Chunk } from "../src/types.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchConfig", () => {
  it("reads the config", async () => {
    const fetch = vi.fn(async () => Response.json({ slug: "s", theme: { mode: "dark" } }));
    vi.stubGlobal("fetch", fetch);
    await expect(fetchConfig("https://app.example", "s")).resolves.toMatchObject({ slug: "s" });
    expect(fetch).toHaveBeenCalledWith("https://app.example/api/chat/s/config", { credentials: "omit" });
  });

  it("turns JSON refusals into ApiErrors", async () => {
    vi.stubGlobal("fetch", async () =>
      Response.json({ error: { code: "deployment-paused", message: "Paused." } }, { status: 423 }),
    );
    await expect(fetchConfig("https://a", "s")).rejects.toMatchObject({ status: 423, code: "deployment-paused" });
  });

  it("reports a CORS refusal by a server that answers as 403, a dead network as status 0", async () => {
    // The CORS request fails (no allow-origin header), the opaque no-cors probe gets through.
    vi.stubGlobal("fetch", async (_url: string, init?: RequestInit) => {
      if (init?.mode === "no-cors") return new Response(null, { status: 200 });
      throw new TypeError("Failed to fetch");
    });
    await expect(fetchConfig("https://a", "s")).rejects.toMatchObject({ status: 403, code: "origin-not-allowed" });
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(fetchConfig("https://a", "s")).rejects.toMatchObject({ status: 0, code: "network" });
  });
});

describe("sendTurn", () => {
  it("posts the turn and streams the chunks", async () => {
    const fetch = vi.fn(
      async () =>
        new Response('data: {"type":"start"}\n\ndata: {"type":"finish"}\n\ndata: [DONE]\n\n', {
          headers: { "content-type": "text/event-stream" },
        }),
    );
    vi.stubGlobal("fetch", fetch);
    const got: Chunk[] = [];
    const body = { conversationId: null, endUserId: "u1", input: { type: "text" as const, text: "hi" } };
    await sendTurn("https://a", "my bot", body, (c) => got.push(c));
    expect(got.map((c) => c.type)).toEqual(["start", "finish"]);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("https://a/api/chat/my%20bot");
    expect(init.method).toBe("POST");
    expect(JSON.parse(init.body as string)).toEqual(body);
  });

  it("gives the Retry-After of a 429", async () => {
    vi.stubGlobal("fetch", async () =>
      Response.json(
        { error: { code: "rate-limited", message: "Too many messages." } },
        { status: 429, headers: { "retry-after": "12" } },
      ),
    );
    const error = await sendTurn(
      "https://a",
      "s",
      { conversationId: "c", endUserId: "u", input: { type: "restart" } },
      () => {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "rate-limited", retryAfter: 12 });
  });
});
