import { describe, expect, it } from "vitest";
import {
  aiTotals,
  EMPTY_TRACE,
  foldTrace,
  foldTraceSteps,
  formatUsd,
  formatValue,
  nodeNamer,
  startChoices,
} from "./trace-state.ts";

describe("foldTrace", () => {
  it("follows the nodes as they run and highlights the current one", () => {
    const state = foldTraceSteps([
      { kind: "node", nodeId: "start" },
      { kind: "node", nodeId: "welcome" },
      { kind: "node", nodeId: "welcome" },
    ]);
    expect(state.path).toEqual(["start", "welcome"]);
    expect(state.activeNodeId).toBe("welcome");
  });

  it("merges variables as they are set", () => {
    const state = foldTraceSteps([
      { kind: "variables", nodeId: "a", values: { name: "Ada", age: 36 } },
      { kind: "variables", nodeId: "b", values: { age: 37 } },
    ]);
    expect(state.vars).toEqual({ name: "Ada", age: 37 });
  });

  it("lists each AI step with its model, tokens, cost and status", () => {
    const state = foldTraceSteps([
      { kind: "node", nodeId: "ai" },
      {
        kind: "ai",
        nodeId: "ai",
        usage: { provider: "openai", model: "gpt-4o-mini", tokensIn: 120, tokensOut: 30, costUsd: 0.00012 },
        status: "complete",
      },
      { kind: "ai", nodeId: "ai", usage: { model: "claude", tokensIn: 10, tokensOut: 2 }, status: "partial" },
    ]);
    expect(state.aiSteps).toEqual([
      {
        seq: 2,
        nodeId: "ai",
        provider: "openai",
        model: "gpt-4o-mini",
        tokensIn: 120,
        tokensOut: 30,
        costUsd: 0.00012,
        status: "complete",
      },
      { seq: 3, nodeId: "ai", model: "claude", tokensIn: 10, tokensOut: 2, status: "partial" },
    ]);
    expect(aiTotals(state.aiSteps)).toEqual({ tokensIn: 130, tokensOut: 32, costUsd: 0.00012 });
  });

  it("keeps webhook results", () => {
    const state = foldTrace(EMPTY_TRACE, { kind: "webhook", nodeId: "hook", ok: false, status: 500, error: "Boom" });
    expect(state.webhooks).toEqual([{ seq: 1, nodeId: "hook", ok: false, status: 500, error: "Boom" }]);
  });

  it("takes the engine's state at the end of a turn as the truth", () => {
    const state = foldTraceSteps([
      { kind: "node", nodeId: "start" },
      { kind: "variables", nodeId: "x", values: { temp: 1 } },
      {
        kind: "state",
        path: ["start", "cond", "menu"],
        vars: { topic: "a" },
        waitingNodeId: "menu",
        status: "waiting",
      },
    ]);
    expect(state.path).toEqual(["start", "cond", "menu"]);
    expect(state.vars).toEqual({ topic: "a" });
    expect(state.activeNodeId).toBe("menu");
    expect(state.waitingNodeId).toBe("menu");
    expect(state.status).toBe("waiting");
  });

  it("clears the highlight when the conversation ended", () => {
    const state = foldTraceSteps([
      { kind: "node", nodeId: "bye" },
      { kind: "state", path: ["start", "bye"], vars: {}, waitingNodeId: null, status: "ended" },
    ]);
    expect(state.activeNodeId).toBeNull();
  });

  it("continues from the previous turn", () => {
    const first = foldTraceSteps([
      { kind: "state", path: ["start", "menu"], vars: {}, waitingNodeId: "menu", status: "waiting" },
    ]);
    const second = foldTraceSteps([{ kind: "node", nodeId: "answer" }], first);
    expect(second.path).toEqual(["start", "menu", "answer"]);
    expect(first.path).toEqual(["start", "menu"]);
  });
});

describe("formatUsd", () => {
  it("shows at least four decimals", () => {
    expect(formatUsd(0.0123)).toBe("$0.0123");
    expect(formatUsd(1.5)).toBe("$1.5000");
    expect(formatUsd(0)).toBe("$0.0000");
  });
  it("shows more for tiny amounts, and a dash when unknown", () => {
    expect(formatUsd(0.0000123)).toBe("$0.000012");
    expect(formatUsd(undefined)).toBe("—");
  });
});

describe("formatValue", () => {
  it("shows strings as they are and the rest as JSON, cut to length", () => {
    expect(formatValue("Ada")).toBe("Ada");
    expect(formatValue({ a: [1, true, null] })).toBe('{"a":[1,true,null]}');
    expect(formatValue("x".repeat(10), 5)).toBe("xxxx…");
  });
});

describe("node names", () => {
  const doc = {
    nodes: [
      { id: "m1", type: "message", name: "Welcome" },
      { id: "m2", type: "message" },
      { id: "m3", type: "message" },
      { id: "s", type: "start", name: "  " },
    ],
  } as unknown as Parameters<typeof nodeNamer>[0];

  it("names nodes like the canvas", () => {
    const name = nodeNamer(doc);
    expect(name("m1")).toBe("Welcome");
    expect(name("gone")).toBe("gone");
  });

  it("tells same-named start choices apart", () => {
    const labels = startChoices(doc).map((c) => c.label);
    expect(labels).toContain("Welcome");
    expect(labels.filter((l) => l.includes("(m2)") || l.includes("(m3)"))).toHaveLength(2);
    expect(labels).toHaveLength(4);
  });
});
