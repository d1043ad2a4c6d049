import { generateText } from "ai";
import { describe, expect, it } from "vitest";
import {
  type Candidate,
  createLanguageModel,
  detectLocalOllama,
  PROVIDER_KINDS,
  ProviderConfigError,
  type ProviderKind,
} from "../../src/index.ts";
import { CANARY } from "./helpers.ts";

function cand(provider: ProviderKind, extra: Partial<Candidate["credentials"]> = {}): Candidate {
  return {
    credentials: { keyId: "k", provider, secret: CANARY, baseUrl: "https://stand-in.test/v1", ...extra },
    model: "some-model",
  };
}

/** A fetch that records the request and answers 500, enough to see where and how a package calls. */
function recordingFetch() {
  const calls: Array<{ url: string; headers: Headers }> = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    return new Response(JSON.stringify({ error: { message: "nope" } }), {
      status: 500,
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;
  return { calls, fetchFn };
}

describe("createLanguageModel", () => {
  it.each([
    ["openai", "openai.responses"],
    ["anthropic", "anthropic.messages"],
    ["google", "google.generative-ai"],
    ["mistral", "mistral.chat"],
    ["openai-compatible", "openai-compatible.chat"],
    ["custom", "custom.chat"],
  ] as const)("%s → %s", (provider, providerId) => {
    const model = createLanguageModel(cand(provider));
    expect(typeof model).toBe("object");
    expect((model as { provider: string }).provider).toBe(providerId);
    expect((model as { modelId: string }).modelId).toBe("some-model");
  });

  it("covers every provider kind", () => {
    for (const provider of PROVIDER_KINDS) expect(() => createLanguageModel(cand(provider))).not.toThrow();
  });

  it.each([
    ["openai", "https://stand-in.test/v1/responses", "authorization", `Bearer ${CANARY}`],
    ["anthropic", "https://stand-in.test/v1/messages", "x-api-key", CANARY],
    ["mistral", "https://stand-in.test/v1/chat/completions", "authorization", `Bearer ${CANARY}`],
    ["openai-compatible", "https://stand-in.test/v1/chat/completions", "authorization", `Bearer ${CANARY}`],
  ] as const)("%s calls %s with the key in %s, plus custom headers", async (provider, url, header, value) => {
    const { calls, fetchFn } = recordingFetch();
    const model = createLanguageModel(cand(provider, { headers: { "X-Team": "blue" } }), { fetch: fetchFn });
    await generateText({ model, prompt: "hi", maxRetries: 0 }).catch(() => undefined);
    expect(calls[0]?.url).toBe(url);
    expect(calls[0]?.headers.get(header)).toBe(value);
    expect(calls[0]?.headers.get("x-team")).toBe("blue");
  });

  it("google sends the key in a header, not in the URL", async () => {
    const { calls, fetchFn } = recordingFetch();
    await generateText({
      model: createLanguageModel(cand("google"), { fetch: fetchFn }),
      prompt: "hi",
      maxRetries: 0,
    }).catch(() => undefined);
    expect(calls[0]?.url).toBe("https://stand-in.test/v1/models/some-model:generateContent");
    expect(calls[0]?.url).not.toContain(CANARY);
    expect(calls[0]?.headers.get("x-goog-api-key")).toBe(CANARY);
  });

  it("a keyless compatible server gets no Authorization header", async () => {
    const { calls, fetchFn } = recordingFetch();
    const model = createLanguageModel(cand("openai-compatible", { keyId: null, secret: null }), { fetch: fetchFn });
    await generateText({ model, prompt: "hi", maxRetries: 0 }).catch(() => undefined);
    expect(calls[0]?.headers.get("authorization")).toBeNull();
  });

  it("never falls back to the server's environment keys, and needs a base URL for compatible servers", () => {
    const previous = process.env.OPENAI_API_KEY;
    process.env.OPENAI_API_KEY = "sk-server-env-key-should-not-be-used";
    try {
      for (const provider of ["openai", "anthropic", "google", "mistral"] as const) {
        expect(() => createLanguageModel(cand(provider, { secret: null }))).toThrow(ProviderConfigError);
      }
    } finally {
      if (previous === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = previous;
    }
    expect(() => createLanguageModel(cand("openai-compatible", { baseUrl: undefined }))).toThrow(/has no base URL/);
    expect(() => createLanguageModel(cand("custom", { baseUrl: "" }))).toThrow(/has no base URL/);
  });
});

describe("detectLocalOllama", () => {
  it("lists the models of a running Ollama", async () => {
    const fetchFn = (async (url: RequestInfo | URL) => {
      expect(String(url)).toBe("http://127.0.0.1:11434/api/tags");
      return Response.json({ models: [{ name: "llama3.2:latest" }, { model: "qwen2.5:7b" }, { size: 1 }] });
    }) as typeof fetch;
    await expect(detectLocalOllama(fetchFn)).resolves.toEqual({
      available: true,
      models: ["llama3.2:latest", "qwen2.5:7b"],
      baseUrl: "http://127.0.0.1:11434",
    });
  });

  it("accepts the /v1 base URL too", async () => {
    const seen: string[] = [];
    const fetchFn = (async (url: RequestInfo | URL) => {
      seen.push(String(url));
      return Response.json({ models: [] });
    }) as typeof fetch;
    await detectLocalOllama(fetchFn, "http://127.0.0.1:11434/v1/");
    expect(seen).toEqual(["http://127.0.0.1:11434/api/tags"]);
  });

  it("never throws: errors, bad answers and silent servers are 'not available'", async () => {
    const failing = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    const notOllama = (async () => new Response("<html>", { status: 200 })) as typeof fetch;
    const status404 = (async () => new Response("no", { status: 404 })) as typeof fetch;
    const hanging = ((_: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      )) as typeof fetch;
    for (const fetchFn of [failing, notOllama, status404]) {
      await expect(detectLocalOllama(fetchFn)).resolves.toMatchObject({ available: false, models: [] });
    }
    // A server that never answers is given up on by the detector's own timeout (the test's would fail it).
    await expect(detectLocalOllama(hanging)).resolves.toMatchObject({ available: false });
  });
});
