import { describe, expect, it } from "vitest";
import { edge, expectNone, expectOne, flow, issues, node } from "./helpers.ts";

describe("variables", () => {
  it("undefined-variable: read in a template but never defined", () => {
    const document = flow({
      nodes: [node("start", "start"), node("hi", "message", { text: "Hello {{nmae}}" }), node("bye", "end")],
      edges: [edge("start", "hi"), edge("hi", "bye")],
      variables: [{ name: "name" }],
    });
    const issue = expectOne(document, "undefined-variable", "warning", "hi");
    expect(issue.message).toContain('"nmae"');
  });

  it("undefined-variable: condition rules, expressions and webhook templates read variables too", () => {
    const document = flow({
      nodes: [
        node("start", "start"),
        node("calc", "set-variable", {
          assignments: [{ variable: "total", mode: "expression", value: "price * qty" }],
        }),
        node("check", "condition", {
          branches: [
            { id: "big", label: "Big", rules: [{ variable: "total", operator: "greater_than", value: "100" }] },
          ],
        }),
        node("hook", "webhook", { url: "https://example.com/{{order_id}}", body: "", headers: [] }),
        node("bye", "end"),
      ],
      edges: [
        edge("start", "calc"),
        edge("calc", "check"),
        edge("check", "hook", "big"),
        edge("check", "bye", "else"),
        edge("hook", "bye", "success"),
        edge("hook", "bye", "failure"),
      ],
      variables: [{ name: "price", type: "number", default: 10 }],
    });
    expect(
      issues(document, "undefined-variable").map((i) => [i.nodeId, i.message.match(/uses the variable "(\w+)"/)?.[1]]),
    ).toEqual([
      ["calc", "qty"],
      ["hook", "order_id"],
    ]);
  });

  it("declared, written by a node, or reserved (last_message) counts as defined", () => {
    const document = flow({
      nodes: [
        node("start", "start"),
        node("ask", "collect-data", { fields: [{ name: "email", label: "Email?", type: "email" }] }),
        node("hi", "message", { text: "{{greeting}} {{email}}, you said {{last_message}}" }),
        node("bye", "end"),
      ],
      edges: [edge("start", "ask"), edge("ask", "hi"), edge("hi", "bye")],
      variables: [{ name: "greeting", default: "Hi" }],
    });
    expectNone(document, "undefined-variable");
  });
});
