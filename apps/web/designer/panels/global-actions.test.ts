import { applyFlowChanges, type FlowDocument, type FlowNode } from "@pixel/flow";
import { describe, expect, it } from "vitest";
import {
  actionChange,
  checkAction,
  draftOfAction,
  removeActionChange,
  splitLines,
  triggerSummary,
} from "./global-action-draft.ts";
import { nodeIndexOf, nodeOptions } from "./node-lookup.ts";

const node = (id: string, type: string, data: unknown, name?: string): FlowNode =>
  ({ id, type, position: { x: 0, y: 0 }, data, ...(name ? { name } : {}) }) as FlowNode;

const doc: FlowDocument = {
  version: 1,
  nodes: [node("start", "start", {}), node("menu", "message", { text: "Menu" }, "Main menu"), node("bye", "end", {})],
  edges: [],
  variables: [],
  globalActions: [],
  settings: { language: "en", typingDelayMs: 600, stepBudget: 200 },
};
const ids = new Set(doc.nodes.map((n) => n.id));

describe("global action editor", () => {
  it("reads one phrase per line, blanks dropped", () => {
    expect(splitLines(" menu \n\n start over\n")).toEqual(["menu", "start over"]);
  });

  it("builds a valid action and stores it without its id", () => {
    const draft = { label: " Menu ", kind: "keyword" as const, phrases: "menu\nstart over", target: "menu" };
    const { action, errors } = checkAction("ga_1", draft, ids);
    expect(errors).toEqual({});
    expect(action).toEqual({
      id: "ga_1",
      label: "Menu",
      trigger: { kind: "keyword", keywords: ["menu", "start over"] },
      target: "menu",
    });
    if (!action) throw new Error("no action");
    const change = actionChange(null, action);
    expect(change).toEqual({
      key: "globalAction/ga_1",
      before: null,
      after: { label: "Menu", trigger: { kind: "keyword", keywords: ["menu", "start over"] }, target: "menu" },
    });
    const result = applyFlowChanges(doc, [change], { mode: "force" });
    expect(result.invalid).toBeUndefined();
    expect(result.document.globalActions).toEqual([action]);
    expect(draftOfAction(action)).toEqual({ ...draft, label: "Menu", phrases: "menu\nstart over" });
    const removed = applyFlowChanges(result.document, [removeActionChange(action)], { mode: "force" });
    expect(removed.document.globalActions).toEqual([]);
  });

  it("explains what is missing or wrong", () => {
    const empty = checkAction("ga_1", { label: "", kind: "intent", phrases: " ", target: "" }, ids);
    expect(empty.action).toBeNull();
    expect(empty.errors).toEqual({ phrases: ["Add at least one example."], target: ["Choose the node to jump to."] });
    const gone = checkAction("ga_1", { label: "", kind: "keyword", phrases: "x", target: "deleted" }, ids);
    expect(gone.errors.target?.[0]).toMatch(/not in the flow/);
    const long = checkAction(
      "ga_1",
      { label: "", kind: "keyword", phrases: `ok\n${"x".repeat(101)}`, target: "bye" },
      ids,
    );
    expect(long.errors.phrases?.[0]).toMatch(/^Line 2: /);
  });

  it("summarises triggers", () => {
    expect(triggerSummary({ id: "a", trigger: { kind: "keyword", keywords: ["menu", "help"] }, target: "menu" })).toBe(
      "Keywords: menu, help",
    );
    expect(triggerSummary({ id: "a", trigger: { kind: "intent", examples: ["a", "b", "c"] }, target: "menu" })).toBe(
      "Intent: “a” and 2 more",
    );
  });
});

describe("node lookup", () => {
  it("finds a node by its remembered index, else through a cached id map", () => {
    expect(nodeIndexOf(doc.nodes, "menu", 1)).toBe(1);
    expect(nodeIndexOf(doc.nodes, "menu", 0)).toBe(1);
    expect(nodeIndexOf(doc.nodes, "menu", 99)).toBe(1);
    expect(nodeIndexOf(doc.nodes, "nope")).toBe(-1);
  });

  it("lists other nodes by name, type and id", () => {
    expect(nodeOptions(doc, "bye")).toEqual([
      { id: "menu", label: "Main menu · Message · menu" },
      { id: "start", label: "Start · start" },
    ]);
  });
});
