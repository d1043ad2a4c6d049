import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowDocumentSchema } from "../document/schema.ts";
import { applyFlowChanges } from "./apply.ts";
import type { FlowChange } from "./change.ts";
import { flattenFlow } from "./flatten.ts";
import { nodeOf, sampleFlow } from "./test-fixtures.ts";

describe("applyFlowChanges, force", () => {
  it("applies changes whatever the current values", () => {
    const change = { key: "node/welcome/data/text", before: "stale", after: "Forced" };
    const result = applyFlowChanges(sampleFlow(), [change], { mode: "force" });
    expect(result.applied).toEqual([change]);
    expect(nodeOf(result.document, "welcome").data).toEqual({ text: "Forced" });
  });

  it("drops keys of a node without a type and keeps dangling edges", () => {
    const result = applyFlowChanges(
      sampleFlow(),
      [
        { key: "node/ghost/data/text", before: null, after: "boo" },
        { key: "node/goodbye/type", before: "end", after: null },
      ],
      { mode: "force" },
    );
    expect(result.invalid).toBeUndefined();
    expect(result.document.nodes.map((n) => n.id)).toEqual(["start", "welcome", "menu"]);
    expect(result.document.edges.map((e) => e.id)).toEqual(["e1", "e2", "e3"]);
  });
});

describe("applyFlowChanges, invalid input", () => {
  it("applies nothing when the result would not be a valid document, and says where", () => {
    const current = sampleFlow();
    const result = applyFlowChanges(current, [
      { key: "node/welcome/data/text", before: "Hello! 👋", after: "fine" },
      { key: "node/menu/data/options", before: flattenFlow(current).get("node/menu/data/options") ?? null, after: [] },
    ]);
    expect(result.document).toBe(current);
    expect(result.applied).toEqual([]);
    expect(result.conflicts).toEqual([]);
    expect(result.invalid?.[0]).toMatch(/^node\/menu\.data\.options: /);
  });

  it("rejects a batch with a malformed change", () => {
    const result = applyFlowChanges(sampleFlow(), [{ key: "nodes/x", before: null, after: 1 }]);
    expect(result.applied).toEqual([]);
    expect(result.invalid?.[0]).toMatch(/^changes\.0\.key: /);
  });

  it("never throws, whatever it is given", () => {
    const keys = ["node/welcome/data/text", "node/x/type", "node/menu/position", "edge/e9", "settings/language"];
    const change = fc.record({
      key: fc.oneof(fc.constantFrom(...keys), fc.string()),
      before: fc.oneof(fc.constant(null), fc.jsonValue()),
      after: fc.oneof(fc.constant(null), fc.jsonValue(), fc.anything()),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 8 }), fc.constantFrom("merge", "force" as const), (changes, mode) => {
        const result = applyFlowChanges(sampleFlow(), changes as FlowChange[], { mode });
        expect(flowDocumentSchema.safeParse(result.document).success).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(applyFlowChanges(sampleFlow(), null as never).invalid).toBeDefined();
    const deep = JSON.parse(`${"[".repeat(20_000)}${"]".repeat(20_000)}`);
    expect(applyFlowChanges(sampleFlow(), [{ key: "edge/e1", before: null, after: deep }]).invalid).toBeDefined();
  });
});
