import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AiAnswerCutOffError,
  AiUnavailableError,
  type Candidate,
  costUsd,
  detectLocalOllama,
  type ProviderKind,
  priceFor,
} from "../../src/index.ts";
import { type StandIn, startStandIn } from "../../test-support/stand-ins/index.ts";
import { CANARY, drain, harness, SCOPE, textRequest } from "./helpers.ts";

/**
 * The real provider packages end to end against local servers speaking their wire formats:
 * what streams, what is counted, what falls back, what rests.
 */

let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: CANARY });
});
afterAll(async () => {
  await standIn?.close();
});
beforeEach(() => standIn.reset());

function real(keyId: string | null, provider: ProviderKind, model: string, secret: string | null = CANARY): Candidate {
  const urls = standIn.baseUrls;
  const baseUrl =
    provider === "anthropic"
      ? urls.anthropic
      : provider === "google"
        ? urls.google
        : provider === "openai"
          ? urls.openai
          : urls.compatible;
  return { credentials: { keyId, provider, secret, baseUrl }, model };
}

/** A gateway over in-memory contracts whose candidates call the stand-in through the real packages. */
function live(candidates: Candidate[], overrides: Parameters<typeof harness>[2] = {}) {
  return harness({ m: candidates }, {}, { createModel: undefined, now: Date.now, ...overrides });
}

describe("each provider package through its stand-in", () => {
  const cases: Array<[ProviderKind, string, string]> = [
    ["openai", "gpt-4o-mini", "/v1/responses"],
    ["anthropic", "claude-haiku-4-5", "/v1/messages"],
    ["google", "gemini-2.5-flash", "/v1beta/models/gemini-2.5-flash:streamGenerateContent"],
    ["openai-compatible", "llama3.2", "/v1/chat/completions"],
  ];

  it.each(cases)(
    "%s %s: text arrives in order; tokens and cost match the stand-in's usage and the catalogue",
    async (provider, model, path) => {
      const chunks = ["Bonjour", ", ", "voici ", "la ", "réponse", "."];
      standIn.enqueue({ chunks, usage: { input: 1234, output: 567 } });
      const h = live([real(`key_${provider}`, provider, model)]);
      const result = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
      expect(result.error).toBeUndefined();
      expect(
        result.chunks
          .filter((c) => c.type === "delta")
          .map((c) => c.text)
          .join(""),
      ).toBe(chunks.join(""));
      expect(result.chunks.filter((c) => c.type === "delta").map((c) => c.text)).toEqual(chunks);
      const price = priceFor(provider, model);
      const expectedCost = price ? costUsd({ tokensIn: 1234, tokensOut: 567 }, price) : 0;
      expect(result.chunks.at(-1)?.usage).toMatchObject({
        provider,
        model,
        tokensIn: 1234,
        tokensOut: 567,
        costUsd: expectedCost,
      });
      expect(h.attempts).toEqual([
        expect.objectContaining({
          status: "success",
          usage: expect.objectContaining({ tokensIn: 1234, tokensOut: 567, costUsd: expectedCost }),
        }),
      ]);
      expect(standIn.requests[0]?.path).toBe(path);
      expect(standIn.requests[0]?.stream).toBe(true);
    },
  );

  it("mistral: text arrives in order through @ai-sdk/mistral (usage estimated: the stand-in reports it only on request)", async () => {
    standIn.enqueue({ chunks: ["Ciao", " a", " tutti"] });
    const h = live([real("key_m", "mistral", "mistral-small-latest")]);
    const result = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(result.error).toBeUndefined();
    expect(result.chunks.filter((c) => c.type === "delta").map((c) => c.text)).toEqual(["Ciao", " a", " tutti"]);
    expect(result.chunks.at(-1)?.usage).toMatchObject({ provider: "mistral", tokensOut: 3 });
    expect(standIn.requests[0]?.path).toBe("/v1/chat/completions");
  });

  it("a keyless OpenAI-compatible server (local Ollama) is called without an Authorization header", async () => {
    const keyless = await startStandIn();
    try {
      const h = live([
        {
          credentials: {
            keyId: null,
            provider: "openai-compatible",
            secret: null,
            baseUrl: keyless.baseUrls.compatible,
          },
          model: "llama3.2",
        },
      ]);
      const result = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
      expect(result.error).toBeUndefined();
      expect(keyless.requests[0]?.headers.authorization).toBeUndefined();
      expect(result.chunks.at(-1)?.usage).toMatchObject({ costUsd: 0 });
    } finally {
      await keyless.close();
    }
  });

  it("generateObject through the OpenAI Responses API returns the scripted object", async () => {
    standIn.enqueue({ json: { category: "travel", confidence: 0.75 }, usage: { input: 300, output: 20 } });
    const h = live([real("key_o", "openai", "gpt-4.1-mini")]);
    const result = await h.gateway.port(SCOPE).generateObject({
      nodeId: "n",
      modelPreference: { model: "m" },
      system: "",
      prompt: "Where?",
      schema: { type: "object", properties: { category: { type: "string" }, confidence: { type: "number" } } },
      temperature: 0,
      maxTokens: 100,
    });
    expect(result.object).toEqual({ category: "travel", confidence: 0.75 });
    expect(result.usage).toMatchObject({
      tokensIn: 300,
      tokensOut: 20,
      costUsd: costUsd({ tokensIn: 300, tokensOut: 20 }, { inputPerMillion: 0.4, outputPerMillion: 1.6 }),
    });
  });
});

describe("fallback against the stand-ins", () => {
  it("429 with Retry-After → the next candidate answers and the key rests for the Retry-After", async () => {
    standIn.enqueue({ fault: "rate-limit", retryAfterSeconds: 90 }, { text: "Anthropic here" });
    const h = live([real("key_a", "openai", "gpt-4o-mini"), real("key_b", "anthropic", "claude-haiku-4-5")]);
    const before = Date.now();
    const result = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(result.error).toBeUndefined();
    expect(
      result.chunks
        .filter((c) => c.type === "delta")
        .map((c) => c.text)
        .join(""),
    ).toBe("Anthropic here");
    expect(h.attempts.map((a) => [a.keyId, a.status, a.errorCode])).toEqual([
      ["key_a", "failed", "rate_limited"],
      ["key_b", "success", undefined],
    ]);
    expect(h.cooldowns.restingUntil("key_a")).toBeGreaterThanOrEqual(before + 90_000);
    // Next call: the resting key is skipped without a request.
    standIn.reset();
    await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(standIn.requests.map((r) => r.route)).toEqual(["anthropic-messages"]);
  });

  it("500 → the next candidate answers; the failed key cools down", async () => {
    standIn.enqueue({ fault: "server-error" }, { text: "Gemini here" });
    const h = live([real("key_a", "anthropic", "claude-haiku-4-5"), real("key_b", "google", "gemini-2.5-flash")]);
    const result = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(result.error).toBeUndefined();
    expect(h.attempts.map((a) => a.errorCode)).toEqual(["server_error", undefined]);
    expect(h.cooldowns.restingUntil("key_a")).toBeGreaterThan(Date.now());
  });

  it("a slow first token → timeout → the next candidate answers", async () => {
    standIn.enqueue({ fault: "slow-first-token", delayMs: 3_000 }, { text: "quick" });
    const h = live([real("key_a", "google", "gemini-2.5-flash"), real("key_b", "openai", "gpt-4o-mini")], {
      firstTokenTimeoutMs: 300,
    });
    const result = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(result.error).toBeUndefined();
    expect(h.attempts.map((a) => a.errorCode)).toEqual(["timeout", undefined]);
    expect(h.cooldowns.restingUntil("key_a")).toBeDefined();
  });

  it("a refused key (401) → auth failure, key rests, next candidate answers", async () => {
    standIn.enqueue({ text: "ok" });
    const wrong = real("key_a", "openai", "gpt-4o-mini", "sk-wrong-key-000000000000");
    const h = live([wrong, real("key_b", "openai-compatible", "llama3.2")]);
    const result = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(result.error).toBeUndefined();
    expect(h.attempts[0]).toMatchObject({ errorCode: "auth", status: "failed" });
    expect(JSON.stringify(h.attempts)).not.toContain("sk-wrong-key-000000000000");
  });

  it("a connection cut after the first token → partial answer recorded, user told it was cut off", async () => {
    standIn.enqueue({
      chunks: ["The ", "first ", "half ", "and ", "the ", "rest"],
      fault: "cut-mid-stream",
      faultAfterChunks: 3,
    });
    const h = live([real("key_a", "openai", "gpt-4o-mini"), real("key_b", "anthropic", "claude-haiku-4-5")]);
    const result = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(result.chunks.map((c) => c.text).join("")).toBe("The first half ");
    expect(result.error).toBeInstanceOf(AiAnswerCutOffError);
    expect(result.error?.message).toMatch(/^The answer was cut off: /);
    expect(h.attempts).toEqual([
      expect.objectContaining({ keyId: "key_a", status: "partial", usage: expect.objectContaining({ tokensOut: 4 }) }),
    ]);
    expect(standIn.requests).toHaveLength(1);
  });

  it.each([
    ["openai", "gpt-4o-mini"],
    ["openai-compatible", "llama3.2"],
  ] as const)("a malformed chunk after the first token (%s) ends the answer as partial", async (provider, model) => {
    standIn.enqueue({ chunks: ["one ", "two ", "three"], fault: "malformed-chunk", faultAfterChunks: 1 });
    const h = live([real("key_a", provider, model)]);
    const result = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(result.chunks[0]).toEqual({ type: "delta", text: "one " });
    expect(result.error).toBeInstanceOf(AiAnswerCutOffError);
    expect(h.attempts[0]).toMatchObject({ status: "partial", errorCode: "bad_response" });
  });

  it("a malformed first chunk → bad response before the first token → next candidate", async () => {
    standIn.enqueue({ chunks: ["x", "y"], fault: "malformed-chunk", faultAfterChunks: 0 }, { text: "fine" });
    const h = live([real("key_a", "openai-compatible", "llama3.2"), real("key_b", "anthropic", "claude-haiku-4-5")]);
    const result = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(result.error).toBeUndefined();
    expect(
      result.chunks
        .filter((c) => c.type === "delta")
        .map((c) => c.text)
        .join(""),
    ).toBe("fine");
    expect(h.attempts.map((a) => [a.status, a.errorCode])).toEqual([
      ["failed", "bad_response"],
      ["success", undefined],
    ]);
  });

  it("every candidate failing → a clear message listing them, and no secret anywhere", async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.join(" ")));
    try {
      standIn.enqueue({ fault: "rate-limit" }, { fault: "server-error" }, { fault: "unauthorized" });
      const h = live([
        real("key_a", "openai", "gpt-4o-mini"),
        real("key_b", "anthropic", "claude-haiku-4-5"),
        real("key_c", "google", "gemini-2.5-flash"),
      ]);
      const result = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
      expect(result.error).toBeInstanceOf(AiUnavailableError);
      expect(result.error?.message).toBe(
        "No AI provider could answer. Tried: openai gpt-4o-mini (rate limited (429)); anthropic claude-haiku-4-5 (server error (500)); google gemini-2.5-flash (the key was refused (401)). Check the keys in Settings → AI providers (/app/providers) or try again later.",
      );
      const everything = [
        result.error?.message,
        JSON.stringify(result.error),
        JSON.stringify(h.attempts),
        ...logged,
      ].join("\n");
      expect(everything).not.toContain(CANARY);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("testConnection and Ollama detection against the stand-in", () => {
  it("a working key reads 'Connected', a refused one 'Refused … (401)'", async () => {
    const h = live([]);
    const ok = await h.gateway.testConnection(real("k", "anthropic", "claude-haiku-4-5"));
    expect(ok.ok).toBe(true);
    expect(ok.message).toMatch(/^Connected: anthropic claude-haiku-4-5 answered in \d+ ms$/);
    const refused = await h.gateway.testConnection(real("k", "openai", "gpt-4o-mini", "sk-not-the-right-one-1234"));
    expect(refused).toMatchObject({ ok: false, message: "Refused: the provider says the key is invalid (401)." });
  });

  it("finds a local Ollama and its models; a closed port is simply unavailable", async () => {
    await expect(detectLocalOllama(fetch, standIn.baseUrls.ollama)).resolves.toMatchObject({
      available: true,
      models: ["llama3.2:latest"],
    });
    await expect(detectLocalOllama(fetch, "http://127.0.0.1:9")).resolves.toMatchObject({
      available: false,
      models: [],
    });
  });
});
