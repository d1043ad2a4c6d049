import { describe, expect, it } from "vitest";
import { applyFlowChanges } from "./apply.ts";
import type { FlowChange } from "./change.ts";
import { diffFlows } from "./diff.ts";
import { rebaseChanges } from "./rebase.ts";
import { edited, nodeOf, sampleFlow, withoutNode } from "./test-fixtures.ts";

const server = applyFlowChanges(sampleFlow(), [
  { key: "node/welcome/data/text", before: "Hello! 👋", after: "Theirs" },
  { key: "settings/language", before: "en", after: "fr" },
]).document;

const mine: FlowChange[] = [
  { key: "node/welcome/data/text", before: "Hello! 👋", after: "Mine" },
  { key: "settings/language", before: "en", after: "de" },
  { key: "settings/stepBudget", before: 200, after: 100 },
];

describe("rebaseChanges", () => {
  it("makes 'mine' apply on the next save, drops 'theirs' and keeps the unresolved", () => {
    const first = applyFlowChanges(server, mine);
    expect(first.conflicts.map((c) => c.key)).toEqual(["node/welcome/data/text", "settings/language"]);

    const rebased = rebaseChanges(
      first.conflicts.map((c) => c.change),
      { "node/welcome/data/text": "mine", "settings/language": "theirs" },
      first.document,
    );
    expect(rebased).toEqual([{ key: "node/welcome/data/text", before: "Theirs", after: "Mine" }]);

    const second = applyFlowChanges(first.document, rebased);
    expect(second.conflicts).toEqual([]);
    expect(nodeOf(second.document, "welcome").data).toEqual({ text: "Mine" });
    expect(second.document.settings).toEqual({ language: "fr", typingDelayMs: 0, stepBudget: 100 });
  });

  it("leaves changes without a resolution as they are and ignores inherited names", () => {
    const change = mine[2] as FlowChange;
    expect(rebaseChanges([change], {}, server)).toEqual([change]);
    const inheritedName = { key: "toString", before: null, after: 1 };
    expect(rebaseChanges([inheritedName], {}, server)).toEqual([inheritedName]);
  });
});

describe("rebaseChanges, node deletions", () => {
  it("deletes fields and edges others added, when 'mine' keeps a deletion", () => {
    const base = sampleFlow();
    const theirs = edited(base, (draft) => {
      Object.assign(nodeOf(draft, "goodbye"), { name: "Bye" });
      draft.edges.push({ id: "e4", source: "menu", sourceHandle: "b", target: "goodbye" });
    });
    const server = applyFlowChanges(base, diffFlows(base, theirs)).document;
    const first = applyFlowChanges(server, diffFlows(base, withoutNode(base, "goodbye")));
    expect(first.applied).toEqual([]);
    expect(first.conflicts.length).toBeGreaterThan(0);

    const resolved = Object.fromEntries(first.conflicts.map((c) => [c.key, "mine" as const]));
    const rebased = rebaseChanges(
      first.conflicts.map((c) => c.change),
      resolved,
      first.document,
    );
    const second = applyFlowChanges(first.document, rebased);
    expect(second.conflicts).toEqual([]);
    expect(second.document).toEqual(withoutNode(theirs, "goodbye"));
  });
});
