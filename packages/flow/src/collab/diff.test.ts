import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validFlow } from "../../test/property/arbitraries.ts";
import { applyFlowChanges } from "./apply.ts";
import { invertChanges } from "./change.ts";
import { diffFlows } from "./diff.ts";
import { defaultNode, edited, sameContent, sampleFlow, withoutNode } from "./test-fixtures.ts";

const pairOfFlows = fc.tuple(validFlow({ maxNodes: 15 }), validFlow({ maxNodes: 15 }));

describe("diffFlows", () => {
  it("finds nothing between equal documents", () => {
    expect(diffFlows(sampleFlow(), sampleFlow())).toEqual([]);
  });

  it("gives one change per changed key", () => {
    const next = edited(sampleFlow(), (draft) => {
      draft.nodes[1] = { ...draft.nodes[1], position: { x: 50, y: 120 } } as never;
      draft.settings.stepBudget = 50;
    });
    expect(diffFlows(sampleFlow(), next)).toEqual([
      { key: "node/welcome/position", before: { x: 0, y: 120 }, after: { x: 50, y: 120 } },
      { key: "settings/stepBudget", before: 200, after: 50 },
    ]);
  });

  it("lists a deleted node's keys and edges as removals", () => {
    const changes = diffFlows(sampleFlow(), withoutNode(sampleFlow(), "goodbye"));
    expect(changes.map((c) => c.key)).toEqual([
      "node/goodbye/type",
      "node/goodbye/position",
      "node/goodbye/data/message",
      "edge/e3",
    ]);
    expect(changes.every((c) => c.after === null)).toBe(true);
  });

  it("appends added items in the next document's order", () => {
    const next = edited(sampleFlow(), (draft) => {
      draft.nodes.push(defaultNode("b2", "end") as never, defaultNode("a1", "message") as never);
    });
    const { document } = applyFlowChanges(sampleFlow(), diffFlows(sampleFlow(), next), { mode: "force" });
    expect(document).toEqual(next);
  });

  it("applied with force turns the base into the next document", () => {
    fc.assert(
      fc.property(pairOfFlows, ([base, next]) => {
        const changes = diffFlows(base, next);
        const result = applyFlowChanges(base, changes, { mode: "force" });
        expect(result.invalid).toBeUndefined();
        expect(result.applied).toEqual(changes);
        expect(sameContent(result.document, next)).toBe(true);
        expect(diffFlows(result.document, next)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("inverted and applied to the next document restores the base", () => {
    fc.assert(
      fc.property(pairOfFlows, ([base, next]) => {
        const result = applyFlowChanges(next, invertChanges(diffFlows(base, next)), { mode: "force" });
        expect(result.invalid).toBeUndefined();
        expect(sameContent(result.document, base)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("applied as a merge onto an untouched base has no conflicts", () => {
    fc.assert(
      fc.property(pairOfFlows, ([base, next]) => {
        const result = applyFlowChanges(base, diffFlows(base, next));
        expect(result.conflicts).toEqual([]);
        expect(sameContent(result.document, next)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("invertChanges", () => {
  it("reverses the order and swaps before and after", () => {
    const changes = [
      { key: "edge/e1", before: null, after: { source: "a", sourceHandle: "next", target: "b" } },
      { key: "settings/language", before: "en", after: "fr" },
    ];
    expect(invertChanges(changes)).toEqual([
      { key: "settings/language", before: "fr", after: "en" },
      { key: "edge/e1", before: { source: "a", sourceHandle: "next", target: "b" }, after: null },
    ]);
    expect(invertChanges(invertChanges(changes))).toEqual(changes);
  });

  it("undoes a deletion of a node and its edges", () => {
    const base = sampleFlow();
    const changes = diffFlows(base, withoutNode(base, "goodbye"));
    const deleted = applyFlowChanges(base, changes, { mode: "force" }).document;
    const restored = applyFlowChanges(deleted, invertChanges(changes), { mode: "force" }).document;
    expect(restored).toEqual(base);
  });
});
