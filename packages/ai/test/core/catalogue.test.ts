import { describe, expect, it } from "vitest";
import {
  CATALOGUE_DATE,
  COMPATIBLE_PRESETS,
  costUsd,
  MODEL_CATALOGUE,
  PROVIDER_KINDS,
  parseModelRef,
  priceFor,
} from "../../src/index.ts";

describe("model catalogue", () => {
  it("is dated data with sane entries, unique per provider and id", () => {
    expect(CATALOGUE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const ids = MODEL_CATALOGUE.map((m) => `${m.provider}:${m.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of MODEL_CATALOGUE) {
      expect(PROVIDER_KINDS).toContain(m.provider);
      expect(m.contextWindow).toBeGreaterThan(8_000);
      expect(m.inputPerMillion).toBeGreaterThan(0);
      expect(m.outputPerMillion).toBeGreaterThanOrEqual(m.inputPerMillion);
      expect(m.label).toBeTruthy();
      expect(typeof m.capabilities.streaming).toBe("boolean");
    }
    for (const provider of ["openai", "anthropic", "google", "mistral"]) {
      expect(MODEL_CATALOGUE.some((m) => m.provider === provider)).toBe(true);
    }
    for (const id of ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o4-mini"]) {
      expect(ids).toContain(`openai:${id}`);
    }
  });
});

describe("pricing", () => {
  it("prices from the catalogue, overrides first", () => {
    expect(priceFor("openai", "gpt-4o-mini")).toEqual({ inputPerMillion: 0.15, outputPerMillion: 0.6 });
    const overrides = { "openai:gpt-4o-mini": { inputPerMillion: 0.1, outputPerMillion: 0.2 } };
    expect(priceFor("openai", "gpt-4o-mini", overrides)).toEqual({ inputPerMillion: 0.1, outputPerMillion: 0.2 });
    expect(priceFor("openai", "gpt-4o", overrides)).toEqual({ inputPerMillion: 2.5, outputPerMillion: 10 });
    expect(
      priceFor("openai-compatible", "llama3.2", {
        "openai-compatible:llama3.2": { inputPerMillion: 0, outputPerMillion: 0 },
      }),
    ).toEqual({
      inputPerMillion: 0,
      outputPerMillion: 0,
    });
  });

  it("prices dated snapshots as their family (longest match), and knows nothing of other providers' ids", () => {
    expect(priceFor("openai", "gpt-4o-mini-2024-07-18")).toEqual(priceFor("openai", "gpt-4o-mini"));
    expect(priceFor("openai", "gpt-4o-2024-08-06")).toEqual(priceFor("openai", "gpt-4o"));
    expect(priceFor("anthropic", "claude-sonnet-4-5-20250929")).toEqual({ inputPerMillion: 3, outputPerMillion: 15 });
    expect(priceFor("anthropic", "gpt-4o")).toBeNull();
    expect(priceFor("openai-compatible", "llama3.2")).toBeNull();
    expect(priceFor("openai", "gpt-4ox")).toBeNull();
  });

  it("computes USD rounded to 6 decimals", () => {
    const price = { inputPerMillion: 0.15, outputPerMillion: 0.6 };
    expect(costUsd({ tokensIn: 1000, tokensOut: 500 }, price)).toBe(0.00045);
    expect(costUsd({ tokensIn: 0, tokensOut: 0 }, price)).toBe(0);
    expect(costUsd({ tokensIn: 1_000_000, tokensOut: 1_000_000 }, price)).toBe(0.75);
    expect(costUsd({ tokensIn: 3, tokensOut: 0 }, price)).toBe(0);
    expect(costUsd({ tokensIn: 10, tokensOut: 0 }, price)).toBe(0.000002);
    expect(costUsd({ tokensIn: 123_457, tokensOut: 7_891 }, { inputPerMillion: 2.5, outputPerMillion: 10 })).toBe(
      0.387553,
    );
  });
});

describe("model references", () => {
  it("splits a known provider prefix, keeps colons of the model id", () => {
    expect(parseModelRef("openai:gpt-4o-mini")).toEqual({ provider: "openai", model: "gpt-4o-mini" });
    expect(parseModelRef("gpt-4o-mini")).toEqual({ model: "gpt-4o-mini" });
    expect(parseModelRef(" anthropic:claude-haiku-4-5 ")).toEqual({ provider: "anthropic", model: "claude-haiku-4-5" });
    expect(parseModelRef("ollama:llama3.2:3b")).toEqual({
      provider: "openai-compatible",
      preset: "ollama",
      model: "llama3.2:3b",
    });
    expect(parseModelRef("llama3.2:3b")).toEqual({ model: "llama3.2:3b" });
    expect(parseModelRef("fast")).toEqual({ model: "fast" });
    expect(parseModelRef("")).toEqual({ model: "" });
  });

  it("presets carry base URLs and whether a key is needed", () => {
    const byId = Object.fromEntries(COMPATIBLE_PRESETS.map((p) => [p.id, p]));
    expect(byId.ollama).toMatchObject({ baseUrl: "http://127.0.0.1:11434/v1", requiresKey: false });
    expect(byId.lmstudio).toMatchObject({ baseUrl: "http://127.0.0.1:1234/v1", requiresKey: false });
    expect(byId.vllm).toMatchObject({ baseUrl: "http://127.0.0.1:8000/v1", requiresKey: false });
    for (const id of ["groq", "together", "openrouter"]) expect(byId[id]).toMatchObject({ requiresKey: true });
  });
});
