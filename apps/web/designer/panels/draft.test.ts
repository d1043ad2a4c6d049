import { type FlowDocument, type FlowNode, type JsonValue, nodeDefinition } from "@pixel/flow";
import { beforeEach, describe, expect, it } from "vitest";
import { useDesigner } from "../store/designer-store.ts";
import { nodeFieldChange } from "../store/node-changes.ts";
import { editDraft, resyncDraft, type SafeParser, settleDraft } from "./draft.ts";
import { NO_ISSUES } from "./form-model.ts";

const schema = nodeDefinition("message")?.schema as SafeParser;
type Data = Record<string, unknown>;

const doc: FlowDocument = {
  version: 1,
  nodes: [{ id: "m1", type: "message", position: { x: 0, y: 0 }, data: { text: "Hi" } } as FlowNode],
  edges: [],
  variables: [],
  globalActions: [],
  settings: { language: "en", typingDelayMs: 600, stepBudget: 200 },
};

const stored = () => useDesigner.getState().doc.nodes[0]?.data as Data;

/** What the properties panel does on an edit: validate, then save the changed fields as one coalescing command. */
function type(draft: Data, path: string, value: unknown): ReturnType<typeof editDraft<Data>> {
  const result = editDraft(draft, stored(), path, value, schema);
  const node = useDesigner.getState().doc.nodes[0] as FlowNode;
  if (result.changed.length) {
    useDesigner.getState().apply(
      "Edit Message",
      result.changed.map((field) => nodeFieldChange(node, field, result.draft[field] as JsonValue | undefined)),
      `m1:${path.split(".")[0]}`,
    );
  }
  return result;
}

describe("editing a node's data", () => {
  beforeEach(() => useDesigner.getState().load({ botId: "b", botName: "B", doc, revision: 1, readOnly: false }));

  it("saves valid keystrokes as one undoable command per field", () => {
    let draft = stored();
    for (const text of ["Hi!", "Hi!!", "Hi!!!"]) draft = type(draft, "text", text).draft;
    expect(stored()).toEqual({ text: "Hi!!!" });
    expect(useDesigner.getState().undoStack).toHaveLength(1);
    useDesigner.getState().undo();
    expect(stored()).toEqual({ text: "Hi" });
  });

  it("keeps invalid input local, with its issue on the field, and saves nothing", () => {
    const result = type(stored(), "imageUrl", "not a url");
    expect(result.changed).toEqual([]);
    expect([...result.issues.keys()]).toEqual(["imageUrl"]);
    expect(stored()).toEqual({ text: "Hi" });
    expect(useDesigner.getState().undoStack).toHaveLength(0);
    // Fixing it saves it.
    const fixed = type(result.draft, "imageUrl", "https://a.example/cat.png");
    expect(fixed.issues).toBe(NO_ISSUES);
    expect(stored()).toEqual({ text: "Hi", imageUrl: "https://a.example/cat.png" });
    // Emptying an optional field removes its key.
    type(fixed.draft, "imageUrl", undefined);
    expect(stored()).toEqual({ text: "Hi" });
  });

  it("follows undo and teammates, but not into the focused field or over pending invalid input", () => {
    const base = stored();
    const invalid = editDraft(base, base, "typingDelayMs", -5, schema);
    const remote = { text: "Changed by a teammate" };
    const merged = resyncDraft(invalid, base, remote, null, schema);
    expect(merged?.draft).toEqual({ text: "Changed by a teammate", typingDelayMs: -5 });
    expect([...(merged?.issues.keys() ?? [])]).toEqual(["typingDelayMs"]);
    const typing = editDraft(base, base, "text", "Mine", schema);
    expect(resyncDraft(typing, base, remote, "text", schema)).toBeNull();
  });

  it("shows the store's normal form once the builder leaves a valid field", () => {
    const draft = { draft: { text: "Hi" } as Data, issues: NO_ISSUES };
    expect(settleDraft(draft, { text: "Hi" })).toBeNull();
    expect(settleDraft(draft, { text: "Hi", typingDelayMs: 600 })?.draft).toEqual({ text: "Hi", typingDelayMs: 600 });
    const invalid = editDraft({ text: "Hi" }, { text: "Hi" }, "imageUrl", "x", schema);
    expect(settleDraft(invalid, { text: "Hi" })).toBeNull();
  });
});
