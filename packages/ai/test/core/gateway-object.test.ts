import { describe, expect, it } from "vitest";
import { AiUnavailableError } from "../../src/index.ts";
import { answering, apiError, CANARY, candidate, harness, OWNER_TEXT, refusing, SCOPE } from "./helpers.ts";

const A = candidate("key_a", "openai", "gpt-4o-mini");
const B = candidate("key_b", "mistral", "mistral-small-latest");

const request = {
  nodeId: "analyse",
  modelPreference: { model: "openai:gpt-4o-mini" },
  system: "Classify.",
  prompt: "I want to learn Spanish",
  schema: {
    type: "object",
    properties: { category: { type: "string" }, confidence: { type: "number" } },
    required: ["category", "confidence"],
    additionalProperties: false,
  },
  temperature: 0.2,
  maxTokens: 200,
};

describe("gateway generateObject", () => {
  it("returns the object with priced usage, sends the JSON schema, and records success", async () => {
    const model = answering('{"category":"languages","confidence":0.9}', { in: 2000, out: 100 });
    const h = harness({ "openai:gpt-4o-mini": [A] }, { "key_a|gpt-4o-mini": model });
    const result = await h.gateway.port(SCOPE).generateObject(request);
    expect(result.object).toEqual({ category: "languages", confidence: 0.9 });
    // 2000 × 0.15 + 100 × 0.60 per million = 0.00036
    expect(result.usage).toEqual({
      provider: "openai",
      model: "gpt-4o-mini",
      tokensIn: 2000,
      tokensOut: 100,
      costUsd: 0.00036,
      latencyMs: 0,
    });
    const call = model.doGenerateCalls[0];
    expect(call?.responseFormat).toMatchObject({ type: "json", schema: request.schema });
    expect(call?.maxOutputTokens).toBe(200);
    expect(h.attempts).toEqual([expect.objectContaining({ status: "success", keyId: "key_a", usage: result.usage })]);
  });

  it("falls back when a candidate fails or answers with something that is not the object", async () => {
    const h = harness(
      { "openai:gpt-4o-mini": [A, B, candidate("key_c", "openai", "gpt-4.1-mini")] },
      {
        "key_a|gpt-4o-mini": refusing(() => apiError(429)),
        "key_b|mistral-small-latest": answering("not json at all"),
        "key_c|gpt-4.1-mini": answering('{"category":"x","confidence":1}'),
      },
    );
    const result = await h.gateway.port(SCOPE).generateObject(request);
    expect(result.object).toEqual({ category: "x", confidence: 1 });
    expect(h.attempts.map((a) => [a.keyId, a.status, a.errorCode])).toEqual([
      ["key_a", "failed", "rate_limited"],
      ["key_b", "failed", "bad_output"],
      ["key_c", "success", undefined],
    ]);
    expect(h.cooldowns.restingUntil("key_a")).toBeDefined();
    // Bad output is the model's doing, not the key's.
    expect(h.cooldowns.restingUntil("key_b")).toBeUndefined();
  });

  it("stops at the budget without calling, and says when nothing is configured or everything failed", async () => {
    const model = answering("{}");
    const h = harness({ "openai:gpt-4o-mini": [A] }, { "key_a|gpt-4o-mini": model });
    h.budget.decision = { kind: "stop", message: "over" };
    await expect(h.gateway.port(SCOPE).generateObject(request)).rejects.toMatchObject({
      kind: "budget",
      message: OWNER_TEXT,
    });
    expect(model.doGenerateCalls).toHaveLength(0);

    const empty = harness({}, {});
    await expect(empty.gateway.port(SCOPE).generateObject(request)).rejects.toMatchObject({ kind: "no-provider" });

    const failing = harness({ "openai:gpt-4o-mini": [A] }, { "key_a|gpt-4o-mini": refusing(() => apiError(401)) });
    const error = await failing.gateway
      .port(SCOPE)
      .generateObject(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiUnavailableError);
    expect((error as Error).message).toContain("openai gpt-4o-mini (the key was refused (401))");
    expect((error as Error).message).not.toContain(CANARY);
    expect(JSON.stringify(failing.attempts)).not.toContain(CANARY);
  });

  it("gives up on a candidate that takes longer than the call limit", async () => {
    const { MockLanguageModelV4 } = await import("ai/test");
    const slow = new MockLanguageModelV4({
      doGenerate: (options) =>
        new Promise((_, reject) =>
          options.abortSignal?.addEventListener("abort", () => reject(options.abortSignal?.reason)),
        ),
    });
    const h = harness(
      { "openai:gpt-4o-mini": [A, B] },
      { "key_a|gpt-4o-mini": slow, "key_b|mistral-small-latest": answering('{"category":"y","confidence":0}') },
      { generateTimeoutMs: 30 },
    );
    const result = await h.gateway.port(SCOPE).generateObject(request);
    expect(result.object.category).toBe("y");
    expect(h.attempts[0]).toMatchObject({ errorCode: "timeout" });
    expect(h.attempts[0]?.errorMessage).toContain("no answer within 30 ms");
  });
});

describe("gateway testConnection", () => {
  it("reads well when the key works", async () => {
    const model = answering("OK");
    // Each reading of the clock is 206 ms after the previous one.
    const ticks = [5_000, 5_206];
    const h = harness({}, { "key_a|gpt-4o-mini": model }, { now: () => ticks.shift() ?? 9_999 });
    const result = await h.gateway.testConnection(A);
    expect(result).toEqual({
      ok: true,
      message: "Connected: openai gpt-4o-mini answered in 206 ms",
      latencyMs: 206,
      model: "gpt-4o-mini",
    });
    expect(model.doGenerateCalls[0]?.maxOutputTokens).toBe(16);
    expect(h.attempts).toEqual([]);
  });

  it.each([
    [401, "Refused: the provider says the key is invalid (401)."],
    [403, "Refused: the key is not allowed to use this model or endpoint (403)."],
    [429, "Reached, but rate limited (429): the key works but is over its rate limit or quota right now."],
    [500, "The provider had a server error (500); try again in a moment."],
  ])("explains a %i clearly, without the secret", async (status, message) => {
    const h = harness({}, { "key_a|gpt-4o-mini": refusing(() => apiError(status)) });
    const result = await h.gateway.testConnection(A);
    expect(result).toMatchObject({ ok: false, message, model: "gpt-4o-mini" });
  });

  it("quotes the provider on a 404 and a 400, scrubbed", async () => {
    const h = harness({}, { "key_a|gpt-4o-mini": refusing(() => apiError(404)) });
    const result = await h.gateway.testConnection(A);
    expect(result.message).toMatch(
      /^Not found: the provider does not know the model "gpt-4o-mini" \(404\)\. The provider says: /,
    );
    expect(result.message).toContain("[redacted]");
    expect(result.message).not.toContain(CANARY);
  });

  it("names where it could not connect, without credentials in the URL", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const local = {
      credentials: {
        keyId: "k",
        provider: "openai-compatible" as const,
        secret: CANARY,
        baseUrl: `http://user:${CANARY}@127.0.0.1:9/v1?key=${CANARY}`,
      },
      model: "llama3.2",
    };
    const h = harness({}, { "k|llama3.2": refusing(() => apiError(undefined, {}, { cause: refused })) });
    const result = await h.gateway.testConnection(local);
    expect(result).toMatchObject({
      ok: false,
      message: "Could not reach http://127.0.0.1:9/v1: could not connect (ECONNREFUSED).",
    });
  });

  it("reports a key without a secret as a configuration problem", async () => {
    const h = harness({}, {}, { createModel: undefined });
    const result = await h.gateway.testConnection(candidate(null, "openai", "gpt-4o-mini"));
    expect(result).toMatchObject({
      ok: false,
      message: "The openai key has no secret; add one in Settings → AI providers.",
    });
  });
});
