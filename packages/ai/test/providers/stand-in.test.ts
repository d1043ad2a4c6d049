/** The stand-in server itself, over raw HTTP: queue, recording, keys, routes, framing, bounds. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_REPLY_TEXT, type StandIn, splitText, startStandIn } from "../../test-support/stand-ins/index.ts";

let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const chatBody = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }], ...extra });
const anthropicBody = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    model: "claude-sonnet-4-5",
    max_tokens: 100,
    messages: [{ role: "user", content: "hi" }],
    ...extra,
  });
const geminiBody = JSON.stringify({ contents: [{ role: "user", parts: [{ text: "hi" }] }] });
const ANTHROPIC_VERSION = { "anthropic-version": "2023-06-01" };

function post(path: string, body: string, headers: Record<string, string> = {}, base = standIn.url) {
  return fetch(`${base}${path}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}

/** Splits an SSE body into its events (either line ending). */
function sseEvents(text: string): { event?: string; data: string }[] {
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const lines = block.split(/\r?\n/);
      const event = lines.find((line) => line.startsWith("event: "))?.slice("event: ".length);
      const data = lines.find((line) => line.startsWith("data: "))?.slice("data: ".length) ?? "";
      return event != null ? { event, data } : { data };
    });
}

describe("stand-in server", () => {
  it("serves one queue to every wire format, in order, then the default reply", async () => {
    standIn.enqueue({ text: "first" }, { text: "second" }, { text: "third" });
    const chat = (await (await post("/v1/chat/completions", chatBody())).json()) as {
      choices: { message: { content: string } }[];
    };
    const anthropic = (await (await post("/v1/messages", anthropicBody(), ANTHROPIC_VERSION)).json()) as {
      content: { text: string }[];
    };
    const gemini = (await (await post("/v1beta/models/gemini-2.5-flash:generateContent", geminiBody)).json()) as {
      candidates: { content: { parts: { text: string }[] } }[];
    };
    expect([
      chat.choices[0]?.message.content,
      anthropic.content[0]?.text,
      gemini.candidates[0]?.content.parts[0]?.text,
    ]).toEqual(["first", "second", "third"]);
    expect(standIn.pending()).toBe(0);

    const fallback = (await (
      await post("/v1/responses", JSON.stringify({ model: "gpt-4o-mini", input: "hi" }))
    ).json()) as {
      output: { content: { text: string }[] }[];
    };
    expect(fallback.output[0]?.content[0]?.text).toBe(DEFAULT_REPLY_TEXT);

    standIn.setDefault({ text: "new default" });
    const next = (await (await post("/v1/chat/completions", chatBody())).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(next.choices[0]?.message.content).toBe("new default");
    expect(standIn.requests.map((r) => r.route)).toEqual([
      "openai-chat",
      "anthropic-messages",
      "google-gemini",
      "openai-responses",
      "openai-chat",
    ]);
  });

  it("records every request with auth headers and the key parameter cut to their last 4 characters", async () => {
    await post("/v1/chat/completions", chatBody({ stream: true }), { authorization: "Bearer sk-secret-openai-AAAA" });
    await post("/v1/messages", anthropicBody(), { ...ANTHROPIC_VERSION, "x-api-key": "sk-ant-secret-BBBB" });
    await post("/v1beta/models/gemini-2.5-flash:generateContent", geminiBody, { "x-goog-api-key": "AIza-secret-CCCC" });
    await post("/v1beta/models/gemini-2.5-flash:generateContent?key=AIza-secret-DDDD", geminiBody);
    const [chat, anthropic, google, googleQuery] = standIn.requests;
    expect(chat).toMatchObject({ method: "POST", path: "/v1/chat/completions", stream: true, model: "gpt-4o-mini" });
    expect(chat?.headers.authorization).toBe("Bearer ****AAAA");
    expect(chat?.body).toEqual(JSON.parse(chatBody({ stream: true })));
    expect(anthropic?.headers["x-api-key"]).toBe("****BBBB");
    expect(google?.headers["x-goog-api-key"]).toBe("****CCCC");
    expect(googleQuery?.query).toEqual({ key: "****DDDD" });
    expect(standIn.requests.every((r) => r.status === 200)).toBe(true);
    expect(JSON.stringify(standIn.requests)).not.toMatch(/secret/);
  });

  it("accepts any of several expected keys, refuses others in each provider's error shape", async () => {
    const guarded = await startStandIn({ expectedKey: ["key-one-1111", "key-two-2222"] });
    try {
      expect(
        (await post("/v1/chat/completions", chatBody(), { authorization: "Bearer key-two-2222" }, guarded.url)).status,
      ).toBe(200);
      const openai = await post("/v1/chat/completions", chatBody(), { authorization: "Bearer nope-3333" }, guarded.url);
      expect(openai.status).toBe(401);
      expect(await openai.json()).toMatchObject({ error: { code: "invalid_api_key", type: "invalid_request_error" } });
      const anthropic = await post("/v1/messages", anthropicBody(), ANTHROPIC_VERSION, guarded.url);
      expect(await anthropic.json()).toMatchObject({
        type: "error",
        error: { type: "authentication_error", message: "x-api-key header is required" },
      });
      const google = await post(
        "/v1beta/models/g:generateContent",
        geminiBody,
        { "x-goog-api-key": "bad-4444" },
        guarded.url,
      );
      expect(await google.json()).toMatchObject({ error: { code: 401, status: "UNAUTHENTICATED" } });
      expect(guarded.requests.map((r) => r.status)).toEqual([200, 401, 401, 401]);
    } finally {
      await guarded.close();
    }
  });

  it("answers a scripted 429 with Retry-After in every format's shape", async () => {
    standIn.enqueue(
      { fault: "rate-limit", retryAfterSeconds: 9 },
      { fault: "rate-limit", retryAfterSeconds: 9 },
      { fault: "rate-limit", retryAfterSeconds: 9 },
    );
    const openai = await post("/v1/chat/completions", chatBody());
    const anthropic = await post("/v1/messages", anthropicBody(), ANTHROPIC_VERSION);
    const google = await post("/v1beta/models/g:streamGenerateContent?alt=sse", geminiBody);
    for (const response of [openai, anthropic, google]) {
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("9");
    }
    expect(await openai.json()).toMatchObject({ error: { code: "rate_limit_exceeded" } });
    expect(await anthropic.json()).toMatchObject({ error: { type: "rate_limit_error" } });
    expect(await google.json()).toMatchObject({
      error: { status: "RESOURCE_EXHAUSTED", details: [{ retryDelay: "9s" }] },
    });
    expect(standIn.requests.map((r) => r.fault)).toEqual(["rate-limit", "rate-limit", "rate-limit"]);
  });

  it("looks like a local Ollama: GET / and GET /api/tags", async () => {
    expect(await (await fetch(`${standIn.baseUrls.ollama}/`)).text()).toBe("Ollama is running");
    const tags = (await (await fetch(`${standIn.url}/api/tags`)).json()) as {
      models: { name: string; model: string }[];
    };
    expect(tags.models).toMatchObject([{ name: "llama3.2:latest", model: "llama3.2:latest" }]);
    expect(standIn.pending()).toBe(0);
  });

  it("lists models in each provider's shape (for a connection test)", async () => {
    const openai = (await (await fetch(`${standIn.url}/v1/models`)).json()) as { object: string; data: unknown[] };
    expect(openai.object).toBe("list");
    const anthropic = (await (await fetch(`${standIn.url}/v1/models`, { headers: ANTHROPIC_VERSION })).json()) as {
      data: { type: string }[];
    };
    expect(anthropic.data[0]?.type).toBe("model");
    const google = (await (await fetch(`${standIn.url}/v1beta/models`)).json()) as { models: { name: string }[] };
    expect(google.models[0]?.name).toMatch(/^models\//);
  });

  it("answers 404 off the known routes and 400 to bodies the provider would refuse", async () => {
    expect((await fetch(`${standIn.url}/v2/nothing`, { method: "POST" })).status).toBe(404);
    const notJson = await post("/v1/chat/completions", "{not json");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    const noVersion = await post("/v1/messages", anthropicBody());
    expect(await noVersion.json()).toMatchObject({ error: { message: "anthropic-version: header is required" } });
    const noContents = await post("/v1beta/models/g:generateContent", "{}");
    expect(await noContents.json()).toMatchObject({ error: { code: 400, status: "INVALID_ARGUMENT" } });
    expect(standIn.pending()).toBe(0);
  });

  it("accepts any path prefix, so a custom base URL works", async () => {
    standIn.enqueue({ text: "custom" });
    const response = await post("/custom/openai/v1/chat/completions", chatBody());
    expect(
      ((await response.json()) as { choices: { message: { content: string } }[] }).choices[0]?.message.content,
    ).toBe("custom");
  });

  it("frames a Chat Completions stream: role chunk, deltas, finish chunk, usage only when asked, [DONE]", async () => {
    standIn.enqueue({ chunks: ["a", "b"], usage: { input: 3, output: 2 } }, { chunks: ["a", "b"] });
    const withUsage = sseEvents(
      await (
        await post("/v1/chat/completions", chatBody({ stream: true, stream_options: { include_usage: true } }))
      ).text(),
    );
    expect(withUsage.every((e) => e.event === undefined)).toBe(true);
    expect(withUsage.at(-1)?.data).toBe("[DONE]");
    const chunks = withUsage.slice(0, -1).map((e) => JSON.parse(e.data) as Record<string, unknown>);
    expect(chunks.map((c) => (c.choices as { delta: unknown }[])[0]?.delta ?? null)).toEqual([
      { role: "assistant", content: "", refusal: null },
      { content: "a" },
      { content: "b" },
      {},
      null,
    ]);
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });

    const withoutUsage = sseEvents(await (await post("/v1/chat/completions", chatBody({ stream: true }))).text());
    expect(withoutUsage.slice(0, -1).some((e) => e.data.includes('"usage"'))).toBe(false);
  });

  it("frames a Responses stream with named events in the API's order", async () => {
    standIn.enqueue({ chunks: ["a", "b"], usage: { input: 3, output: 2 } });
    const events = sseEvents(
      await (await post("/v1/responses", JSON.stringify({ model: "m", input: "hi", stream: true }))).text(),
    );
    expect(events.map((e) => e.event)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    const data = events.map((e) => JSON.parse(e.data) as { type: string; sequence_number: number });
    expect(data.map((d) => d.sequence_number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(data.every((d, i) => d.type === events[i]?.event)).toBe(true);
    expect(data.at(-1)).toMatchObject({
      response: { status: "completed", usage: { input_tokens: 3, output_tokens: 2 } },
    });
  });

  it("frames an Anthropic stream with named events in the API's order", async () => {
    standIn.enqueue({ chunks: ["a", "b"], usage: { input: 3, output: 2 } });
    const events = sseEvents(
      await (await post("/v1/messages", anthropicBody({ stream: true }), ANTHROPIC_VERSION)).text(),
    );
    expect(events.map((e) => e.event)).toEqual([
      "message_start",
      "ping",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(JSON.parse(events[0]?.data ?? "")).toMatchObject({ message: { usage: { input_tokens: 3 } } });
    expect(JSON.parse(events[6]?.data ?? "")).toMatchObject({
      delta: { stop_reason: "end_turn" },
      usage: { output_tokens: 2 },
    });
  });

  it("frames a Gemini stream with CRLF SSE under alt=sse, and as one JSON array without it", async () => {
    standIn.enqueue(
      { chunks: ["a", "b"], usage: { input: 3, output: 2 } },
      { chunks: ["a", "b"], usage: { input: 3, output: 2 } },
    );
    const sse = await (await post("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", geminiBody)).text();
    expect(sse.startsWith("data: {")).toBe(true);
    expect(sse.endsWith("}\r\n\r\n")).toBe(true);
    const events = sseEvents(sse).map((e) => JSON.parse(e.data) as Record<string, unknown>);
    expect(events).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({
      candidates: [{ finishReason: "STOP", content: { parts: [{ text: "" }] } }],
      usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2, totalTokenCount: 5 },
    });
    const array = (await (
      await post("/v1beta/models/gemini-2.5-flash:streamGenerateContent", geminiBody)
    ).json()) as unknown[];
    expect(array).toHaveLength(3);
  });

  it("sends headers and the preamble at once when the first token is slow", async () => {
    standIn.enqueue({ chunks: ["late"], fault: "slow-first-token", delayMs: 400 });
    const started = performance.now();
    const response = await post("/v1/messages", anthropicBody({ stream: true }), ANTHROPIC_VERSION);
    const headersMs = performance.now() - started;
    expect(response.status).toBe(200);
    expect(headersMs).toBeLessThan(400);
    const events = sseEvents(await response.text());
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
    expect(events.map((e) => e.event).slice(0, 3)).toEqual(["message_start", "ping", "content_block_start"]);
  });

  it("closes in bounded time with a slow reply pending and keep-alive connections open", async () => {
    const closing = await startStandIn();
    closing.setDefault({ text: "never sent", fault: "slow-first-token", delayMs: 60_000 });
    await fetch(`${closing.url}/api/tags`).then((r) => r.text());
    const response = await post("/v1/chat/completions", chatBody({ stream: true }), {}, closing.url);
    const body = response.text();
    const started = performance.now();
    await closing.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(body).rejects.toThrow();
    await expect(fetch(`${closing.url}/api/tags`)).rejects.toThrow();
    await closing.close();
  });

  it("listens on the port it is given", async () => {
    const probe = await startStandIn();
    const port = probe.port;
    await probe.close();
    const fixed = await startStandIn({ port });
    try {
      expect(fixed.url).toBe(`http://127.0.0.1:${port}`);
      expect(fixed.baseUrls).toEqual({
        openai: `http://127.0.0.1:${port}/v1`,
        anthropic: `http://127.0.0.1:${port}/v1`,
        google: `http://127.0.0.1:${port}/v1beta`,
        compatible: `http://127.0.0.1:${port}/v1`,
        ollama: `http://127.0.0.1:${port}`,
      });
    } finally {
      await fixed.close();
    }
  });

  it("splits text at word boundaries and JSON into slices, both joining back exactly", () => {
    const text = "Hello world,  how are you?\n";
    expect(splitText(text)).toEqual(["Hello", " world,", "  how", " are", " you?", "\n"]);
    const json = JSON.stringify({ a: 1, b: [true, "x"] });
    const slices = splitText(json);
    expect(slices.length).toBeGreaterThan(1);
    expect(slices.join("")).toBe(json);
    expect(splitText("")).toEqual([]);
  });
});
