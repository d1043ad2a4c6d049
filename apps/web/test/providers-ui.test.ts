import { describe, expect, it } from "vitest";
import { PRESETS, parseHeaders, parseModels, presetById } from "@/app/app/providers/presets";
import { lastDays, shortDay } from "@/app/app/usage/range";
import { daysUntil, formatPrice, formatTokens, formatUsd, fromDateInput, toDateInput } from "@/lib/format";

describe("AI providers page helpers", () => {
  it("reads a comma-separated model list without blanks or duplicates", () => {
    expect(parseModels(" gpt-4o, gpt-4o-mini ,, gpt-4o\nclaude-haiku-4-5 ")).toEqual([
      "gpt-4o",
      "gpt-4o-mini",
      "claude-haiku-4-5",
    ]);
    expect(parseModels("")).toEqual([]);
  });

  it("reads headers as Name: value lines, keeping colons in values", () => {
    expect(parseHeaders("X-Org: acme\nbroken line\nX-Url: https://a.example:8443/x\n: nameless")).toEqual({
      "X-Org": "acme",
      "X-Url": "https://a.example:8443/x",
    });
  });

  it("offers every OpenAI-compatible preset with its base URL, and local servers without a key", () => {
    const compatible = PRESETS.filter((p) => p.group === "compatible");
    expect(compatible.map((p) => p.label)).toEqual([
      "Ollama",
      "Groq",
      "Together AI",
      "OpenRouter",
      "LM Studio",
      "vLLM",
      "Other OpenAI-compatible server",
    ]);
    for (const p of compatible.filter((p) => p.presetId)) expect(p.baseUrl).toMatch(/^https?:\/\/.+\/v1$/);
    expect(presetById("ollama").keyOptional).toBe(true);
    expect(presetById("groq").keyOptional).toBeUndefined();
    expect(presetById("nope").id).toBe("openai");
  });

  it("formats money, prices and context windows for people", () => {
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(12.5)).toBe("$12.50");
    expect(formatUsd(0.0042)).toBe("$0.0042");
    expect(formatUsd(25, "short")).toBe("$25");
    expect(formatPrice(0.075)).toBe("$0.075");
    expect(formatPrice(10)).toBe("$10.00");
    expect(formatTokens(128_000)).toBe("128K");
    expect(formatTokens(1_048_576)).toBe("1M");
    expect(formatTokens(null)).toBe("—");
  });

  it("round-trips expiry dates through the date input and counts days left", () => {
    const date = fromDateInput("2026-12-31");
    expect(date?.getFullYear()).toBe(2026);
    expect(toDateInput(date)).toBe("2026-12-31");
    expect(fromDateInput("")).toBeNull();
    const now = new Date(2026, 0, 1, 12);
    expect(daysUntil(new Date(2026, 0, 4, 12), now)).toBe(3);
    expect(daysUntil(new Date(2025, 11, 31, 12), now)).toBe(-1);
  });

  it("picks the last N UTC days, today included", () => {
    const now = new Date("2026-11-24T10:00:00Z");
    expect(lastDays(7, now)).toEqual({ from: "2026-11-18", to: "2026-11-24" });
    expect(lastDays(30, now)).toEqual({ from: "2026-10-26", to: "2026-11-24" });
    expect(shortDay("2026-11-03")).toBe("Nov 3");
  });
});
