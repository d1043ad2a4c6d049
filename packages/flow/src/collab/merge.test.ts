import { describe, expect, it } from "vitest";
import type { FlowDocument } from "../document/schema.ts";
import { applyFlowChanges } from "./apply.ts";
import { diffFlows } from "./diff.ts";
import { edited, nodeOf, sampleFlow, withoutNode } from "./test-fixtures.ts";

type Edit = (doc: FlowDocument) => FlowDocument;

/** Both clients start from the same version; the first save lands, then the second is merged into it. */
function saveBoth(first: Edit, second: Edit) {
  const base = sampleFlow();
  const afterFirst = applyFlowChanges(base, diffFlows(base, first(base)));
  expect(afterFirst.conflicts).toEqual([]);
  return applyFlowChanges(afterFirst.document, diffFlows(base, second(base)));
}

const editText =
  (text: string): Edit =>
  (doc) =>
    edited(doc, (draft) => Object.assign(nodeOf(draft, "welcome").data, { text }));
const moveMenu: Edit = (doc) =>
  edited(doc, (draft) => Object.assign(nodeOf(draft, "menu"), { position: { x: 300, y: 240 } }));
const editPrompt: Edit = (doc) =>
  edited(doc, (draft) => Object.assign(nodeOf(draft, "menu").data, { prompt: "Pick one" }));
const addOption: Edit = (doc) =>
  edited(doc, (draft) => {
    const data = nodeOf(draft, "menu").data as { options: { id: string; label: string }[] };
    data.options.push({ id: "c", label: "Option C" });
  });
const editGoodbye: Edit = (doc) =>
  edited(doc, (draft) => Object.assign(nodeOf(draft, "goodbye").data, { message: "See you" }));
const deleteGoodbye: Edit = (doc) => withoutNode(doc, "goodbye");
const linkBToGoodbye: Edit = (doc) =>
  edited(doc, (draft) => draft.edges.push({ id: "e4", source: "menu", sourceHandle: "b", target: "goodbye" }));

describe("applyFlowChanges, merge", () => {
  it("keeps both edits when two people edit different nodes", () => {
    const result = saveBoth(editText("Welcome!"), moveMenu);
    expect(result.conflicts).toEqual([]);
    expect(nodeOf(result.document, "welcome").data).toEqual({ text: "Welcome!" });
    expect(nodeOf(result.document, "menu").position).toEqual({ x: 300, y: 240 });
  });

  it("keeps both edits when two people edit different fields of one node", () => {
    const result = saveBoth(editPrompt, addOption);
    expect(result.conflicts).toEqual([]);
    const data = nodeOf(result.document, "menu").data as { prompt: string; options: unknown[] };
    expect(data.prompt).toBe("Pick one");
    expect(data.options).toHaveLength(3);
  });

  it("reports the same field set to different values and keeps the first", () => {
    const result = saveBoth(editText("First"), editText("Second"));
    expect(result.applied).toEqual([]);
    expect(result.conflicts).toEqual([
      {
        key: "node/welcome/data/text",
        change: { key: "node/welcome/data/text", before: "Hello! 👋", after: "Second" },
        current: "First",
        reason: "changed-elsewhere",
        nodeId: "welcome",
      },
    ]);
    expect(nodeOf(result.document, "welcome").data).toEqual({ text: "First" });
  });

  it("takes the same edit made twice as applied", () => {
    const result = saveBoth(editText("Same"), editText("Same"));
    expect(result.conflicts).toEqual([]);
    expect(result.applied).toHaveLength(1);
  });

  it("reports an edit of a node someone deleted", () => {
    const result = saveBoth(deleteGoodbye, editGoodbye);
    expect(result.conflicts.map((c) => [c.key, c.reason, c.nodeId, c.current])).toEqual([
      ["node/goodbye/data/message", "node-deleted", "goodbye", null],
    ]);
    expect(result.document.nodes.map((n) => n.id)).not.toContain("goodbye");
  });

  it("reports a new field on a node someone deleted and does not leave half a node", () => {
    const withName: Edit = (doc) => edited(doc, (draft) => Object.assign(nodeOf(draft, "goodbye"), { name: "Bye" }));
    const result = saveBoth(deleteGoodbye, withName);
    expect(result.conflicts.map((c) => [c.key, c.reason])).toEqual([["node/goodbye/name", "node-deleted"]]);
    expect(result.document).toEqual(deleteGoodbye(sampleFlow()));
  });

  it("does not delete a node someone edited meanwhile, nor its edges", () => {
    const result = saveBoth(editGoodbye, deleteGoodbye);
    expect(result.applied).toEqual([]);
    expect(result.conflicts.map((c) => [c.key, c.reason])).toEqual([
      ["node/goodbye/type", "changed-elsewhere"],
      ["node/goodbye/position", "changed-elsewhere"],
      ["node/goodbye/data/message", "changed-elsewhere"],
      ["edge/e3", "changed-elsewhere"],
    ]);
    expect(result.document).toEqual(editGoodbye(sampleFlow()));
  });

  it("reports a new edge to a node someone deleted", () => {
    const result = saveBoth(deleteGoodbye, linkBToGoodbye);
    expect(result.conflicts.map((c) => [c.key, c.reason, c.nodeId])).toEqual([
      ["edge/e4", "edge-endpoint-missing", "goodbye"],
    ]);
    expect(result.document).toEqual(deleteGoodbye(sampleFlow()));
  });

  it("does not delete a node that someone's new edge leads to", () => {
    const result = saveBoth(linkBToGoodbye, deleteGoodbye);
    expect(result.applied).toEqual([]);
    expect(new Set(result.conflicts.map((c) => c.reason))).toEqual(new Set(["edge-endpoint-missing"]));
    expect(result.document).toEqual(linkBToGoodbye(sampleFlow()));
  });

  it("lets a deletion through when nobody touched the node", () => {
    const result = saveBoth(editText("Welcome!"), deleteGoodbye);
    expect(result.conflicts).toEqual([]);
    expect(result.document.nodes.map((n) => n.id)).toEqual(["start", "welcome", "menu"]);
    expect(result.document.edges.map((e) => e.id)).toEqual(["e1", "e2"]);
  });

  it("applies the rest of a save when one change conflicts", () => {
    const result = saveBoth(editText("First"), (doc) => moveMenu(editText("Second")(doc)));
    expect(result.conflicts.map((c) => c.key)).toEqual(["node/welcome/data/text"]);
    expect(result.applied.map((c) => c.key)).toEqual(["node/menu/position"]);
    expect(nodeOf(result.document, "menu").position).toEqual({ x: 300, y: 240 });
  });
});
