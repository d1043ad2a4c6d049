import { applyFlowChanges, type FlowDocument, type FlowNode } from "@pixel/flow";
import { describe, expect, it } from "vitest";
import {
  checkVariable,
  draftOfVariable,
  parseDefault,
  removeVariableChange,
  variableChanges,
} from "./variable-draft.ts";
import {
  knownVariableNames,
  readerCount,
  templateVariableNames,
  undeclaredWrites,
  variableUsage,
} from "./variable-usage.ts";

const node = (id: string, type: string, data: unknown): FlowNode =>
  ({ id, type, position: { x: 0, y: 0 }, data }) as FlowNode;

const doc: FlowDocument = {
  version: 1,
  nodes: [
    node("start", "start", {}),
    node("hello", "message", { text: "Hi {{name}}, your plan is {{ plan.tier }}" }),
    node("set", "set-variable", { assignments: [{ variable: "score", mode: "expression", value: "points * 2" }] }),
    node("bye", "end", { message: "Bye {{name}}" }),
  ],
  edges: [],
  variables: [{ name: "plan", type: "json", default: { tier: "basic" } }],
  globalActions: [],
  settings: { language: "en", typingDelayMs: 600, stepBudget: 200 },
};

describe("variable usage", () => {
  it("reads the variables of templates, first segment only", () => {
    expect(templateVariableNames("{{a}} {{ b.c }} {{a}} {{1x}} {x}")).toEqual(["a", "b"]);
  });

  it("counts the nodes reading and writing each variable", () => {
    const usage = variableUsage(doc);
    expect(usage.get("name")).toEqual({ readers: ["hello", "bye"], writers: [] });
    expect(readerCount(usage, "plan")).toBe(1);
    expect(readerCount(usage, "points")).toBe(1);
    expect(usage.get("score")).toEqual({ readers: [], writers: ["set"] });
    expect(readerCount(usage, "nothing")).toBe(0);
    expect(variableUsage(doc)).toBe(usage);
  });

  it("lists variables nodes set without a declaration, and what pickers offer", () => {
    expect(undeclaredWrites(doc)).toEqual(["score"]);
    expect(knownVariableNames(doc)).toEqual(["last_message", "plan", "score"]);
  });
});

describe("variable editor", () => {
  it("parses defaults by type", () => {
    expect(parseDefault("number", " 42 ")).toEqual({ ok: true, value: 42 });
    expect(parseDefault("number", "four")).toMatchObject({ ok: false });
    expect(parseDefault("boolean", "true")).toEqual({ ok: true, value: true });
    expect(parseDefault("json", '{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseDefault("json", "{a:1}")).toMatchObject({ ok: false });
    expect(parseDefault("string", "")).toEqual({ ok: true, value: undefined });
  });

  it("reports bad names, duplicates and defaults that do not fit", () => {
    const draft = { name: "1st", type: "string" as const, defaultText: "", description: "" };
    expect(checkVariable(draft, []).errors.name?.[0]).toMatch(/letters, digits and _/);
    expect(checkVariable({ ...draft, name: "plan" }, ["plan"]).errors.name).toEqual([
      "A variable named “plan” already exists.",
    ]);
    expect(checkVariable({ ...draft, name: "" }, []).errors.name).toEqual(["Enter a name."]);
    expect(checkVariable({ ...draft, name: "n", type: "number", defaultText: "x" }, []).errors.defaultText).toEqual([
      "Enter a number.",
    ]);
    expect(checkVariable({ ...draft, name: " city ", description: " Where " }, []).variable).toEqual({
      name: "city",
      type: "string",
      description: "Where",
    });
  });

  it("round-trips a variable through the editor's inputs", () => {
    const plan = doc.variables[0];
    if (!plan) throw new Error("fixture");
    expect(checkVariable(draftOfVariable(plan), []).variable).toEqual(plan);
  });

  it("renames as one command: the old key removed, the new one added", () => {
    const plan = doc.variables[0];
    if (!plan) throw new Error("fixture");
    const renamed = { ...plan, name: "subscription" };
    const changes = variableChanges(plan, renamed);
    expect(changes.map((c) => [c.key, c.after === null])).toEqual([
      ["variable/plan", true],
      ["variable/subscription", false],
    ]);
    const result = applyFlowChanges(doc, changes, { mode: "force" });
    expect(result.invalid).toBeUndefined();
    expect(result.document.variables.map((v) => v.name)).toEqual(["subscription"]);
    const removed = applyFlowChanges(result.document, [removeVariableChange(renamed)], { mode: "force" });
    expect(removed.document.variables).toEqual([]);
  });

  it("adds and edits a variable under its own key", () => {
    const added = applyFlowChanges(doc, variableChanges(null, { name: "city", type: "string" }), { mode: "force" });
    expect(added.invalid).toBeUndefined();
    expect(added.document.variables.map((v) => v.name).sort()).toEqual(["city", "plan"]);
    const plan = doc.variables[0];
    if (!plan) throw new Error("fixture");
    expect(variableChanges(plan, { ...plan, description: "Tier" })).toHaveLength(1);
  });
});
