import { compareFlows, type FlowComparison, type FlowDocument, flowDocumentSchema } from "@pixel/flow";
import { describe, expect, it } from "vitest";
import { type DiffNaming, diffRows, groupRows, namesFrom, summarize } from "./diff-rows.ts";

const typeLabel = (type: string) => type.charAt(0).toUpperCase() + type.slice(1);

function empty(): FlowComparison {
  return {
    nodes: { added: [], removed: [], changed: [] },
    edges: { added: [], removed: [] },
    variables: { added: [], removed: [], changed: [] },
    globalActions: { added: [], removed: [], changed: [] },
    settings: [],
    identical: true,
  };
}

const naming = (draft: string[], names: Record<string, string> = {}): DiffNaming => ({
  nodeName: (id) => names[id],
  typeLabel,
  fieldLabel: (_type, field) => (field === "prompt" ? "Prompt" : undefined),
  globalActionLabel: (id) => (id === "help" ? "Help" : undefined),
  draftHas: (id) => draft.includes(id),
});

describe("diffRows", () => {
  it("names nodes and lists changed fields, focusable only when in the draft", () => {
    const comparison = empty();
    comparison.nodes.added.push({ id: "n1", type: "message", name: "Welcome" });
    comparison.nodes.removed.push({ id: "n2", type: "end" });
    comparison.nodes.changed.push({ id: "n3", type: "quick-reply", fields: ["name", "data.prompt", "data.options"] });
    const rows = diffRows(comparison, naming(["n1", "n3"]));
    expect(rows).toEqual([
      { key: "node/added/n1", section: "nodes", tone: "added", label: "Welcome", detail: "Message", focusNodeId: "n1" },
      { key: "node/removed/n2", section: "nodes", tone: "removed", label: "End" },
      {
        key: "node/changed/n3",
        section: "nodes",
        tone: "changed",
        label: "Quick-reply",
        detail: "changed: name, Prompt, options",
        focusNodeId: "n3",
      },
    ]);
  });

  it("describes connections by their ends and handle", () => {
    const comparison = empty();
    comparison.edges.added.push({ id: "e1", source: "a", sourceHandle: "yes", target: "b" });
    comparison.edges.removed.push({ id: "e2", source: "a", sourceHandle: "next", target: "gone" });
    const rows = diffRows(comparison, naming(["a"], { a: "Ask", b: "Answer" }));
    expect(rows.map((r) => [r.tone, r.label, r.focusNodeId])).toEqual([
      ["added", "Ask (yes) → Answer", "a"],
      ["removed", "Ask → gone", "a"],
    ]);
  });

  it("lists variables, global actions and settings", () => {
    const comparison = empty();
    comparison.variables.added.push("topic");
    comparison.variables.changed.push("name");
    comparison.globalActions.removed.push("help");
    comparison.settings.push("typingDelayMs", "somethingNew");
    const rows = diffRows(comparison, naming([]));
    expect(rows.map((r) => `${r.section}:${r.tone}:${r.label}`)).toEqual([
      "variables:added:topic",
      "variables:changed:name",
      "globalActions:removed:Help",
      "settings:changed:Typing delay",
      "settings:changed:somethingNew",
    ]);
    expect(summarize(rows)).toEqual({ added: 1, removed: 1, changed: 3 });
    expect(groupRows(rows).map((g) => [g.title, g.rows.length])).toEqual([
      ["Variables", 2],
      ["Global actions", 1],
      ["Settings", 2],
    ]);
  });

  it("works on a real comparison, naming removed nodes from the older document", () => {
    const a: FlowDocument = flowDocumentSchema.parse({
      version: 1,
      nodes: [
        { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
        { id: "bye", type: "end", name: "Goodbye", position: { x: 0, y: 100 }, data: {} },
      ],
      edges: [{ id: "e1", source: "start", target: "bye" }],
    });
    const b: FlowDocument = { ...a, nodes: a.nodes.filter((n) => n.id !== "bye"), edges: [] };
    const names = namesFrom([a, b], typeLabel);
    const rows = diffRows(compareFlows(a, b), { ...names, typeLabel, draftHas: (id) => id === "start" });
    expect(rows.map((r) => [r.tone, r.label, r.focusNodeId])).toEqual([
      ["removed", "Goodbye", undefined],
      ["removed", "Start → Goodbye", "start"],
    ]);
  });
});
