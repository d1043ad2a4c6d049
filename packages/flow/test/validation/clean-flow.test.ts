import { describe, expect, it } from "vitest";
import { type FlowDocument, nodeDefinition, validateFlow } from "../../src/index.ts";
import { edge, flow, node } from "./helpers.ts";

/** A realistic lead flow: greet, ask the topic, collect contact details, answer with AI, end. */
const leadFlow = (): FlowDocument =>
  flow({
    nodes: [
      node("start", "start"),
      node("greet", "message", { text: "Hi {{name}}! I'm Pixel." }),
      node("topic", "quick-reply", {
        prompt: "What can I help you with?",
        options: [
          { id: "sales", label: "Buying" },
          { id: "support", label: "Support" },
        ],
        allowFreeText: false,
        variable: "topic",
      }),
      node("contact", "collect-data", {
        intro: "A few details about you first.",
        fields: [
          { name: "email", label: "Your email?", type: "email" },
          { name: "company", label: "Your company?", type: "text", required: false },
        ],
      }),
      node("answer", "ai-step", {
        model: "openai:gpt-4o-mini",
        systemPrompt: "You help {{company}} with {{topic}}.",
        prompt: "{{last_message}}",
        saveTo: "reply",
      }),
      node("done", "end", { message: "Thanks {{name}}, we'll write to {{email}}." }),
      node("sorry", "end", { message: "Sorry, our assistant is unavailable. We'll email {{email}}." }),
    ],
    edges: [
      edge("start", "greet"),
      edge("greet", "topic"),
      edge("topic", "contact", "sales"),
      edge("topic", "contact", "support"),
      edge("contact", "answer"),
      edge("answer", "done"),
      edge("answer", "sorry", "error"),
    ],
    variables: [{ name: "name", default: "there" }],
  });

/** A long onboarding-like flow: messages, questions, computations and branches, with loops back through questions. */
function bigFlow(size: number): FlowDocument {
  const nodes = [node("start", "start")];
  for (let i = 0; i < size - 2; i++) {
    const id = `n${i}`;
    const kind = i % 4;
    if (kind === 0) nodes.push(node(id, "message", { text: `Step ${i} for {{name}}` }));
    else if (kind === 1) nodes.push(node(id, "quick-reply", { allowFreeText: i % 8 === 1, variable: `pick${i}` }));
    else if (kind === 2)
      nodes.push(
        node(id, "set-variable", { assignments: [{ variable: `v${i}`, mode: "expression", value: "1 + 2" }] }),
      );
    else
      nodes.push(
        node(id, "condition", {
          branches: [{ id: "m", label: "M", rules: [{ variable: "name", operator: "matches", value: `^a${i}` }] }],
        }),
      );
  }
  nodes.push(node("end", "end"));
  const edges = [];
  for (let i = 0; i < nodes.length - 1; i++) {
    const from = nodes[i] as (typeof nodes)[number];
    const outputs = nodeDefinition(from.type)?.outputs(from.data) ?? [];
    for (const output of outputs) {
      // Typed answers go back to the start; everything else moves on.
      const target = output.id === "fallback" ? "start" : (nodes[i + 1] as (typeof nodes)[number]).id;
      edges.push(edge(from.id, target, output.id));
    }
  }
  return flow({ nodes, edges, variables: [{ name: "name" }] });
}

describe("a clean realistic flow", () => {
  it("has no errors and no warnings", () => {
    expect(validateFlow(leadFlow())).toEqual({ errors: [], warnings: [] });
  });

  it("validates a 1,000-node flow without false alarms (its speed is measured in bench:engine)", () => {
    const document = bigFlow(1_000);
    expect(document.nodes).toHaveLength(1_000);
    expect(document.edges.length).toBeGreaterThan(1_300);
    expect(validateFlow(document)).toEqual({ errors: [], warnings: [] });
  });
});
