import type { MockLanguageModelV4 } from "ai/test";
import { describe, expect, it, vi } from "vitest";
import { AiAnswerCutOffError, AiUnavailableError } from "../../src/index.ts";
import {
  apiError,
  CANARY,
  candidate,
  cutting,
  drain,
  harness,
  OWNER_TEXT,
  refusing,
  SCOPE,
  stalling,
  streaming,
  textRequest,
} from "./helpers.ts";

const A = candidate("key_a", "openai", "gpt-4o-mini");
const B = candidate("key_b", "anthropic", "claude-haiku-4-5");
const C = candidate("key_c", "google", "gemini-2.5-flash");

describe("gateway streamText: the happy path", () => {
  it("streams the deltas in order and finishes with tokens, cost and latency", async () => {
    const model = streaming(["Hel", "lo", " world"], { in: 1000, out: 500 });
    const h = harness({ "openai:gpt-4o-mini": [A] }, { "key_a|gpt-4o-mini": model });
    const { chunks, error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("openai:gpt-4o-mini")));
    expect(error).toBeUndefined();
    expect(chunks.filter((c) => c.type === "delta").map((c) => c.text)).toEqual(["Hel", "lo", " world"]);
    const finish = chunks.at(-1);
    // gpt-4o-mini: 1000 × 0.15 + 500 × 0.60 per million = 0.00045 USD
    expect(finish).toEqual({
      type: "finish",
      usage: {
        provider: "openai",
        model: "gpt-4o-mini",
        tokensIn: 1000,
        tokensOut: 500,
        costUsd: 0.00045,
        latencyMs: 0,
      },
    });
    expect(h.attempts).toEqual([
      expect.objectContaining({
        scope: SCOPE,
        keyId: "key_a",
        provider: "openai",
        model: "gpt-4o-mini",
        status: "success",
        firstTokenMs: 0,
        usage: expect.objectContaining({ tokensIn: 1000, tokensOut: 500, costUsd: 0.00045 }),
      }),
    ]);
  });

  it("sends the system text, the history, the prompt, temperature, max tokens, and no retries of its own", async () => {
    const model = streaming(["ok"]);
    const h = harness({ "openai:gpt-4o-mini": [A] }, { "key_a|gpt-4o-mini": model });
    const request = textRequest("openai:gpt-4o-mini", {
      history: [
        { role: "user", text: "Hi" },
        { role: "assistant", text: "Hello! How can I help?" },
      ],
    });
    await drain(h.gateway.port(SCOPE).streamText(request));
    const call = model.doStreamCalls[0];
    expect(call?.temperature).toBe(0.3);
    expect(call?.maxOutputTokens).toBe(256);
    expect(call?.prompt).toEqual([
      { role: "system", content: "You are kind." },
      { role: "user", content: [{ type: "text", text: "Hi" }] },
      { role: "assistant", content: [{ type: "text", text: "Hello! How can I help?" }] },
      { role: "user", content: [{ type: "text", text: "Hello there" }] },
    ]);
  });

  it("does not send the user's latest message twice when the prompt is that message", async () => {
    const model = streaming(["ok"]);
    const h = harness({ m: [A] }, { "key_a|gpt-4o-mini": model });
    await drain(
      h.gateway.port(SCOPE).streamText({ ...textRequest("m"), history: [{ role: "user", text: "Hello there" }] }),
    );
    expect(model.doStreamCalls[0]?.prompt.filter((m) => m.role === "user")).toHaveLength(1);
  });

  it("estimates tokens when the provider reports none", async () => {
    const h = harness({ m: [A] }, { "key_a|gpt-4o-mini": streaming(["12345678"], {}) });
    const { chunks } = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(chunks.at(-1)?.usage).toMatchObject({ tokensOut: 2, tokensIn: expect.any(Number) });
  });
});

describe("gateway streamText: fallback before the first token", () => {
  it("tries the candidates in order: 429 then 500 then the third answers", async () => {
    const order: string[] = [];
    const track = (name: string, model: MockLanguageModelV4) => {
      const original = model.doStream;
      model.doStream = (options) => {
        order.push(name);
        return original(options);
      };
      return model;
    };
    const h = harness(
      { "openai:gpt-4o-mini": [A, B, C] },
      {
        "key_a|gpt-4o-mini": track(
          "a",
          refusing(() => apiError(429)),
        ),
        "key_b|claude-haiku-4-5": track(
          "b",
          refusing(() => apiError(500)),
        ),
        "key_c|gemini-2.5-flash": track("c", streaming(["from C"])),
      },
    );
    const { chunks, error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("openai:gpt-4o-mini")));
    expect(error).toBeUndefined();
    expect(order).toEqual(["a", "b", "c"]);
    expect(chunks[0]).toEqual({ type: "delta", text: "from C" });
    expect(chunks.at(-1)?.usage).toMatchObject({ provider: "google", model: "gemini-2.5-flash" });
    expect(h.attempts.map((a) => [a.keyId, a.status, a.errorCode])).toEqual([
      ["key_a", "failed", "rate_limited"],
      ["key_b", "failed", "server_error"],
      ["key_c", "success", undefined],
    ]);
  });

  it("follows the model preference's fallbacks after its own candidates", async () => {
    const h = harness(
      { "openai:gpt-4o-mini": [A], "anthropic:claude-haiku-4-5": [B] },
      { "key_a|gpt-4o-mini": refusing(() => apiError(503)), "key_b|claude-haiku-4-5": streaming(["B"]) },
    );
    const request = textRequest("openai:gpt-4o-mini", { fallbacks: ["anthropic:claude-haiku-4-5"] });
    const { chunks } = await drain(h.gateway.port(SCOPE).streamText(request));
    expect(h.candidateCalls).toEqual(["openai:gpt-4o-mini", "anthropic:claude-haiku-4-5"]);
    expect(chunks[0]).toEqual({ type: "delta", text: "B" });
  });

  it("cools the failed key down and skips it on the next call, recording the skip", async () => {
    const a = refusing(() => apiError(429));
    const h = harness({ m: [A, B] }, { "key_a|gpt-4o-mini": a, "key_b|claude-haiku-4-5": streaming(["B"]) });
    await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(h.cooldowns.restingUntil("key_a")).toBe(h.clock.now + 60_000);
    expect(h.cooldowns.restingUntil("key_b")).toBeUndefined();

    h.clock.now += 30_000;
    h.attempts.length = 0;
    const { error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(error).toBeUndefined();
    expect(a.doStreamCalls).toHaveLength(1);
    expect(h.attempts.map((x) => [x.keyId, x.status])).toEqual([
      ["key_a", "skipped_cooldown"],
      ["key_b", "success"],
    ]);

    // Once the rest is over, the key is called again.
    h.clock.now += 31_000;
    await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(a.doStreamCalls).toHaveLength(2);
  });

  it("honours a Retry-After longer than the cooldown, in seconds or as a date", async () => {
    const h = harness(
      { m: [A, B, C] },
      {
        "key_a|gpt-4o-mini": refusing(() => apiError(429, { "retry-after": "120" })),
        "key_b|claude-haiku-4-5": refusing(() =>
          apiError(429, { "Retry-After": new Date(1_000_000 + 300_000).toUTCString() }),
        ),
        "key_c|gemini-2.5-flash": streaming(["C"]),
      },
      { now: () => 1_000_000 },
    );
    await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(h.cooldowns.restingUntil("key_a")).toBe(1_000_000 + 120_000);
    expect(h.cooldowns.restingUntil("key_b")).toBe(1_000_000 + 300_000);
  });

  it("keeps the configured cooldown when Retry-After is shorter, and reads the cooldown per scope", async () => {
    const cooldownMs = vi.fn(async () => 90_000);
    const h = harness(
      { m: [A, B] },
      {
        "key_a|gpt-4o-mini": refusing(() => apiError(429, { "retry-after": "2" })),
        "key_b|claude-haiku-4-5": streaming(["B"]),
      },
      { cooldownMs },
    );
    await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(h.cooldowns.restingUntil("key_a")).toBe(h.clock.now + 90_000);
    expect(cooldownMs).toHaveBeenCalledWith(SCOPE);
  });

  it("moves on when no first token comes in time, and cools that key down", async () => {
    const h = harness(
      { m: [A, B] },
      { "key_a|gpt-4o-mini": stalling(), "key_b|claude-haiku-4-5": streaming(["B"]) },
      { firstTokenTimeoutMs: 40 },
    );
    const { chunks, error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(error).toBeUndefined();
    expect(chunks[0]).toEqual({ type: "delta", text: "B" });
    expect(h.attempts[0]).toMatchObject({ keyId: "key_a", status: "failed", errorCode: "timeout" });
    expect(h.attempts[0]?.errorMessage).toContain("no first token within 40 ms");
    expect(h.cooldowns.restingUntil("key_a")).toBeDefined();
  });

  it("classifies network errors and refused keys, cooling both down", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    const h = harness(
      { m: [A, B, C] },
      {
        "key_a|gpt-4o-mini": refusing(() => apiError(undefined, {}, { cause: refused })),
        "key_b|claude-haiku-4-5": refusing(() => apiError(401)),
        "key_c|gemini-2.5-flash": streaming(["C"]),
      },
    );
    await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(h.attempts.map((a) => a.errorCode)).toEqual(["network", "auth", undefined]);
    expect(h.cooldowns.restingUntil("key_a")).toBeDefined();
    expect(h.cooldowns.restingUntil("key_b")).toBeDefined();
  });

  it("treats a malformed stream before the first token as a bad response", async () => {
    const { JSONParseError } = await import("ai");
    const { MockLanguageModelV4 } = await import("ai/test");
    const malformed = new MockLanguageModelV4({
      doStream: async () => ({
        stream: new ReadableStream({
          start(c) {
            c.enqueue({ type: "error", error: new JSONParseError({ text: "{oops", cause: new Error("x") }) });
            c.close();
          },
        }),
      }),
    });
    const h = harness({ m: [A, B] }, { "key_a|gpt-4o-mini": malformed, "key_b|claude-haiku-4-5": streaming(["B"]) });
    const { error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(error).toBeUndefined();
    expect(h.attempts[0]).toMatchObject({ status: "failed", errorCode: "bad_response" });
    expect(h.cooldowns.restingUntil("key_a")).toBeDefined();
  });

  it("falls back on a rejected request (400) without resting the key: the request, not the key, was wrong", async () => {
    const h = harness(
      { m: [A, B] },
      { "key_a|gpt-4o-mini": refusing(() => apiError(400)), "key_b|claude-haiku-4-5": streaming(["B"]) },
    );
    await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(h.attempts[0]).toMatchObject({ errorCode: "bad_request" });
    expect(h.cooldowns.restingUntil("key_a")).toBeUndefined();
  });

  it("never rests a keyless server (a local Ollama) in the shared store", async () => {
    const local = candidate(null, "openai-compatible", "llama3.2");
    const coolDown = vi.fn();
    const h = harness(
      { m: [local, B] },
      { "null|llama3.2": refusing(() => apiError(500)), "key_b|claude-haiku-4-5": streaming(["B"]) },
    );
    h.cooldowns.coolDown = coolDown;
    await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(coolDown).not.toHaveBeenCalled();
    expect(h.attempts[0]).toMatchObject({ keyId: null, status: "failed", errorCode: "server_error" });
  });
});

describe("gateway streamText: when nothing can answer", () => {
  it("all candidates failing → all-failed with what was tried and why", async () => {
    const h = harness(
      { m: [A, B] },
      { "key_a|gpt-4o-mini": refusing(() => apiError(429)), "key_b|claude-haiku-4-5": refusing(() => apiError(503)) },
    );
    const { chunks, error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(chunks).toEqual([]);
    expect(error).toBeInstanceOf(AiUnavailableError);
    expect((error as AiUnavailableError).kind).toBe("all-failed");
    expect(error?.message).toBe(
      "No AI provider could answer. Tried: openai gpt-4o-mini (rate limited (429)); anthropic claude-haiku-4-5 (server error (503)). Check the keys in Settings → AI providers (/app/providers) or try again later.",
    );
    expect((error as AiUnavailableError).tried.map((t) => t.code)).toEqual(["rate_limited", "server_error"]);
  });

  it("lists keys skipped because they are resting", async () => {
    const h = harness({ m: [A] }, { "key_a|gpt-4o-mini": streaming(["never"]) });
    await h.cooldowns.coolDown("key_a", h.clock.now + 10_000);
    const { error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(error?.message).toContain("openai gpt-4o-mini (resting after a recent failure)");
  });

  it("no candidate → no-provider, telling the builder where to add a key", async () => {
    const h = harness({}, {});
    const { error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("openai:gpt-4o-mini")));
    expect(error).toBeInstanceOf(AiUnavailableError);
    expect((error as AiUnavailableError).kind).toBe("no-provider");
    expect(error?.message).toBe(
      'No AI provider is configured for "openai:gpt-4o-mini". Add a provider key in Settings → AI providers (/app/providers), then choose it for this bot.',
    );
  });

  it("a hard budget stop answers with the owner's text and calls no provider", async () => {
    const a = streaming(["should not run"]);
    const h = harness({ m: [A] }, { "key_a|gpt-4o-mini": a });
    h.budget.decision = { kind: "stop", message: "Organization budget of $20.00 reached for 2026-11" };
    const { chunks, error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(chunks).toEqual([]);
    expect(error).toBeInstanceOf(AiUnavailableError);
    expect((error as AiUnavailableError).kind).toBe("budget");
    expect(error?.message).toBe(OWNER_TEXT);
    expect(a.doStreamCalls).toHaveLength(0);
    expect(h.budget.calls).toEqual([{ scope: SCOPE, keyIds: ["key_a"] }]);
    expect(h.attempts).toEqual([
      {
        scope: SCOPE,
        keyId: null,
        provider: "openai",
        model: "gpt-4o-mini",
        status: "blocked_budget",
        errorCode: "budget_stop",
        errorMessage: "Organization budget of $20.00 reached for 2026-11",
      },
    ]);
  });

  it("a key over its own budget is skipped (recorded as blocked), the next key answers", async () => {
    const a = streaming(["not me"]);
    const h = harness({ m: [A, B] }, { "key_a|gpt-4o-mini": a, "key_b|claude-haiku-4-5": streaming(["B"]) });
    h.budget.decision = { kind: "allow", blockedKeyIds: ["key_a"] };
    const { chunks, error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(error).toBeUndefined();
    expect(chunks[0]).toEqual({ type: "delta", text: "B" });
    expect(a.doStreamCalls).toHaveLength(0);
    expect(h.attempts.map((x) => [x.keyId, x.status, x.errorCode])).toEqual([
      ["key_a", "blocked_budget", "budget_stop"],
      ["key_b", "success", undefined],
    ]);
  });

  it("every key over its own budget is a hard stop: the owner's text, no call", async () => {
    const a = streaming(["not me"]);
    const h = harness({ m: [A] }, { "key_a|gpt-4o-mini": a });
    h.budget.decision = { kind: "soft", message: "near", blockedKeyIds: ["key_a"] };
    const { error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(error).toMatchObject({ kind: "budget", message: OWNER_TEXT });
    expect(a.doStreamCalls).toHaveLength(0);
  });

  it("a soft budget decision still answers", async () => {
    const h = harness({ m: [A] }, { "key_a|gpt-4o-mini": streaming(["ok"]) });
    h.budget.decision = { kind: "soft", message: "80% of the budget used" };
    const { error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(error).toBeUndefined();
  });
});

describe("gateway streamText: failures after the first token", () => {
  it("keeps the partial answer: records it with status and usage so far, and throws 'cut off' without falling back", async () => {
    const b = streaming(["never"]);
    const h = harness(
      { m: [A, B] },
      { "key_a|gpt-4o-mini": cutting(["Once upon ", "a time"]), "key_b|claude-haiku-4-5": b },
    );
    const { chunks, error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(chunks).toEqual([
      { type: "delta", text: "Once upon " },
      { type: "delta", text: "a time" },
    ]);
    expect(error).toBeInstanceOf(AiAnswerCutOffError);
    expect(error?.message).toMatch(/^The answer was cut off: /);
    expect((error as AiAnswerCutOffError).text).toBe("Once upon a time");
    expect(b.doStreamCalls).toHaveLength(0);
    expect(h.attempts).toHaveLength(1);
    expect(h.attempts[0]).toMatchObject({
      keyId: "key_a",
      status: "partial",
      errorCode: "network",
      firstTokenMs: 0,
      usage: { provider: "openai", model: "gpt-4o-mini", tokensOut: 4 },
    });
    expect(h.attempts[0]?.usage?.tokensIn).toBeGreaterThan(0);
    expect(h.attempts[0]?.usage?.costUsd).toBeGreaterThan(0);
  });

  it("a provider error chunk after the first token is a partial answer too", async () => {
    const { MockLanguageModelV4 } = await import("ai/test");
    const model = new MockLanguageModelV4({
      doStream: async () => ({
        stream: new ReadableStream({
          start(c) {
            c.enqueue({ type: "text-start", id: "t" });
            c.enqueue({ type: "text-delta", id: "t", delta: "Half" });
            c.enqueue({ type: "error", error: apiError(500) });
            c.close();
          },
        }),
      }),
    });
    const h = harness({ m: [A] }, { "key_a|gpt-4o-mini": model });
    const { error } = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
    expect(error?.message).toBe("The answer was cut off: server error (500).");
    expect(h.attempts[0]).toMatchObject({ status: "partial", errorCode: "server_error" });
  });

  it("a listener that stops reading half-way cancels the call and leaves a partial record", async () => {
    const model = cutting(["one ", "two "]);
    const h = harness({ m: [A] }, { "key_a|gpt-4o-mini": model });
    for await (const chunk of h.gateway.port(SCOPE).streamText(textRequest("m"))) {
      expect(chunk).toEqual({ type: "delta", text: "one " });
      break;
    }
    expect(h.attempts).toEqual([expect.objectContaining({ status: "partial", errorCode: "cancelled" })]);
    expect(model.doStreamCalls[0]?.abortSignal?.aborted).toBe(true);
  });
});

describe("secrets never leave the gateway", () => {
  it("the canary secret is absent from every thrown message, attempt record and console line", async () => {
    const logged: string[] = [];
    const spies = (["log", "error", "warn", "info", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(" "));
      }),
    );
    try {
      const messages: string[] = [];
      const h = harness(
        { m: [A, B, C], cut: [A] },
        {
          "key_a|gpt-4o-mini": refusing(() => apiError(401)),
          "key_b|claude-haiku-4-5": refusing(() => new Error(`socket hang up sending Bearer ${CANARY}`)),
          "key_c|gemini-2.5-flash": refusing(() => apiError(429, { "retry-after": "1" })),
        },
      );
      const failed = await drain(h.gateway.port(SCOPE).streamText(textRequest("m")));
      messages.push(failed.error?.message ?? "", JSON.stringify(failed.error));

      h.cooldowns.clear();
      h.models.set("key_a|gpt-4o-mini", cutting(["a"], new Error(`lost ${CANARY}`)));
      const cut = await drain(h.gateway.port(SCOPE).streamText(textRequest("cut")));
      messages.push(cut.error?.message ?? "", JSON.stringify(cut.error));

      const broken = harness(
        { m: [A] },
        { "key_a|gpt-4o-mini": streaming(["x"]) },
        {
          usage: { record: async () => Promise.reject(new Error(`db down, had ${CANARY}`)) },
        },
      );
      await drain(broken.gateway.port(SCOPE).streamText(textRequest("m")));

      const everything = [...messages, JSON.stringify(h.attempts), ...logged].join("\n");
      expect(h.attempts.length).toBeGreaterThanOrEqual(4);
      expect(everything).not.toContain(CANARY);
      expect(everything).not.toContain("0123456789abcdef");
      expect(everything).toContain("[redacted]");
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
