import { describe, expect, it } from "vitest";
import { flowChangeSchema } from "./change.ts";
import { parseFlowKey } from "./keys.ts";

describe("parseFlowKey", () => {
  it("reads every kind of key", () => {
    expect(parseFlowKey("node/n-1/type")).toEqual({ kind: "node", id: "n-1", part: "type" });
    expect(parseFlowKey("node/n1/position")).toEqual({ kind: "node", id: "n1", part: "position" });
    expect(parseFlowKey("node/n1/data/prompt")).toEqual({ kind: "node", id: "n1", part: "data", field: "prompt" });
    expect(parseFlowKey("edge/e1")).toEqual({ kind: "edge", id: "e1" });
    expect(parseFlowKey("variable/topic")).toEqual({ kind: "variable", name: "topic" });
    expect(parseFlowKey("globalAction/help")).toEqual({ kind: "globalAction", id: "help" });
    expect(parseFlowKey("settings/stepBudget")).toEqual({ kind: "settings", field: "stepBudget" });
  });

  it.each([
    "node/n1",
    "node/n1/data",
    "node/n1/data/a/b",
    "node/n 1/type",
    "node/n1/colour",
    "edge/",
    "variable/1abc",
    "settings/theme",
    "flow/x",
    `node/${"a".repeat(65)}/type`,
    "",
  ])("rejects %j", (key) => {
    expect(parseFlowKey(key)).toBeUndefined();
  });
});

describe("flowChangeSchema", () => {
  it("accepts JSON values and null for absent", () => {
    const change = { key: "node/n1/data/options", before: null, after: [{ id: "a", label: "A" }] };
    expect(flowChangeSchema.parse(change)).toEqual(change);
  });

  it("rejects unknown keys, keys over 300 characters and values that are not JSON", () => {
    expect(flowChangeSchema.safeParse({ key: "nodes/n1", before: null, after: 1 }).success).toBe(false);
    expect(flowChangeSchema.safeParse({ key: `edge/${"e".repeat(300)}`, before: null, after: 1 }).success).toBe(false);
    expect(flowChangeSchema.safeParse({ key: "edge/e1", before: undefined, after: 1 }).success).toBe(false);
    expect(flowChangeSchema.safeParse({ key: "edge/e1", before: null, after: { a: undefined } }).success).toBe(false);
  });
});
