import { describe, expect, it } from "vitest";
import { edge, expectNone, expectOne, flow, node } from "./helpers.ts";

const around = (middle: ReturnType<typeof node>, outputs: string[]) =>
  flow({
    nodes: [node("start", "start"), middle, node("bye", "end")],
    edges: [edge("start", middle.id), ...outputs.map((o) => edge(middle.id, "bye", o))],
    variables: [{ name: "email" }, { name: "answer" }, { name: "price" }],
  });

describe("node settings", () => {
  it("invalid-url: a webhook URL that is not http(s)", () => {
    const bad = around(node("hook", "webhook", { url: "ftp://example.com/{{email}}" }), ["success", "failure"]);
    const issue = expectOne(bad, "invalid-url", "error", "hook");
    expect(issue.path).toBe("nodes.1.data.url");
    expectOne(
      around(node("hook", "webhook", { url: "not a url" }), ["success", "failure"]),
      "invalid-url",
      "error",
      "hook",
    );
    expectOne(
      around(node("hook", "webhook", { url: "{{email}}" }), ["success", "failure"]),
      "invalid-url",
      "error",
      "hook",
    );
    expectNone(
      around(node("hook", "webhook", { url: "https://api.example.com/leads?email={{email}}" }), ["success", "failure"]),
      "invalid-url",
    );
  });

  it("invalid-expression: a set-variable expression that does not compile", () => {
    const bad = around(
      node("calc", "set-variable", {
        assignments: [
          { variable: "total", mode: "expression", value: "price * 2" },
          { variable: "broken", mode: "expression", value: "price * (2 +" },
        ],
      }),
      ["next"],
    );
    const issue = expectOne(bad, "invalid-expression", "error", "calc");
    expect(issue.path).toBe("nodes.1.data.assignments.1.value");
    expectNone(
      around(node("calc", "set-variable", { assignments: [{ variable: "x", mode: "literal", value: "(((" }] }), [
        "next",
      ]),
      "invalid-expression",
    );
  });

  it("invalid-regex: a condition `matches` rule with a broken pattern", () => {
    const condition = (value: string, operator = "matches") =>
      node("check", "condition", {
        branches: [{ id: "ok", label: "Valid", rules: [{ variable: "answer", operator, value }] }],
      });
    const issue = expectOne(around(condition("^(yes|no"), ["ok", "else"]), "invalid-regex", "error", "check");
    expect(issue.path).toBe("nodes.1.data.branches.0.rules.0.value");
    expectNone(around(condition("^(yes|no)$"), ["ok", "else"]), "invalid-regex");
    expectNone(around(condition("^(yes|no", "equals"), ["ok", "else"]), "invalid-regex");
  });
});
