import { describe, it } from "vitest";
import { edge, expectNone, expectOne, flow, node } from "./helpers.ts";

const expert = (id: string, model: string) =>
  node(id, "expert-handoff", { name: "Sales expert", systemPrompt: "You sell.", model });

describe("AI model preference", () => {
  it("no-model-preference: an AI step with no model and no expert before it", () => {
    const document = flow({
      nodes: [node("start", "start"), node("ai", "ai-step", { model: "" }), node("bye", "end")],
      edges: [edge("start", "ai"), edge("ai", "bye"), edge("ai", "bye", "error")],
    });
    expectOne(document, "no-model-preference", "error", "ai");
  });

  it("no-model-preference: an AI analysis with no model", () => {
    const document = flow({
      nodes: [node("start", "start"), node("classify", "ai-analysis", { model: " " }), node("bye", "end")],
      edges: [edge("start", "classify"), edge("classify", "bye"), edge("classify", "bye", "error")],
    });
    expectOne(document, "no-model-preference", "error", "classify");
  });

  it("an expert handoff with a model before it is enough, even through a jump", () => {
    const document = flow({
      nodes: [
        node("start", "start"),
        expert("sales", "openai:gpt-4o"),
        node("go", "jump", { targetNodeId: "ai" }),
        node("ai", "ai-step", { model: "" }),
        node("bye", "end"),
      ],
      edges: [edge("start", "sales"), edge("sales", "go"), edge("ai", "bye"), edge("ai", "bye", "error")],
    });
    expectNone(document, "no-model-preference");
  });

  it("an expert without a model, or one replaced by an expert without a model, is not", () => {
    const noModel = flow({
      nodes: [node("start", "start"), expert("sales", ""), node("ai", "ai-step", { model: "" }), node("bye", "end")],
      edges: [edge("start", "sales"), edge("sales", "ai"), edge("ai", "bye"), edge("ai", "bye", "error")],
    });
    expectOne(noModel, "no-model-preference", "error", "ai");

    const replaced = flow({
      nodes: [
        node("start", "start"),
        expert("sales", "openai:gpt-4o"),
        expert("plain", ""),
        node("ai", "ai-step", { model: "" }),
        node("bye", "end"),
      ],
      edges: [
        edge("start", "sales"),
        edge("sales", "plain"),
        edge("plain", "ai"),
        edge("ai", "bye"),
        edge("ai", "bye", "error"),
      ],
    });
    expectOne(replaced, "no-model-preference", "error", "ai");
  });

  it("an expert only on a path no conversation takes does not count", () => {
    const document = flow({
      nodes: [
        node("start", "start"),
        node("ai", "ai-step", { model: "" }),
        expert("orphan", "openai:gpt-4o"),
        node("bye", "end"),
      ],
      edges: [edge("start", "ai"), edge("orphan", "ai"), edge("ai", "bye"), edge("ai", "bye", "error")],
    });
    expectOne(document, "no-model-preference", "error", "ai");
  });

  it("the expert stays active through a global action", () => {
    const document = flow({
      nodes: [
        node("start", "start"),
        expert("sales", "openai:gpt-4o"),
        node("ask", "collect-data"),
        node("bye", "end"),
        node("ai", "ai-step", { model: "" }),
      ],
      edges: [
        edge("start", "sales"),
        edge("sales", "ask"),
        edge("ask", "bye"),
        edge("ai", "bye"),
        edge("ai", "bye", "error"),
      ],
      globalActions: [{ id: "help", trigger: { kind: "intent", examples: ["I need help"] }, target: "ai" }],
    });
    expectNone(document, "no-model-preference");
  });
});
