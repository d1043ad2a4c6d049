import { describe, expect, it } from "vitest";
import { edge, expectNone, expectOne, flow, issues, node } from "./helpers.ts";

describe("unconnected outputs", () => {
  it("unconnected-option: an unconnected quick-reply option is an error", () => {
    const document = flow({
      nodes: [node("start", "start"), node("ask", "quick-reply", { allowFreeText: false }), node("bye", "end")],
      edges: [edge("start", "ask"), edge("ask", "bye", "a")],
    });
    const issue = expectOne(document, "unconnected-option", "error", "ask");
    expect(issue.message).toContain("Option B");
    expect(issue.path).toBe("nodes.1.data.options.1");
    expectNone(document, "unconnected-output");
  });

  it("unconnected-output: the free-text output of a quick reply is a warning", () => {
    const document = flow({
      nodes: [node("start", "start"), node("ask", "quick-reply"), node("bye", "end")],
      edges: [edge("start", "ask"), edge("ask", "bye", "a"), edge("ask", "bye", "b")],
    });
    expectOne(document, "unconnected-output", "warning", "ask");
    expectNone(document, "unconnected-option");
  });

  it("unconnected-output: a message's next output says the conversation ends there", () => {
    const document = flow({ nodes: [node("start", "start"), node("hi", "message")], edges: [edge("start", "hi")] });
    const issue = expectOne(document, "unconnected-output", "warning", "hi");
    expect(issue.message).toContain("the conversation would end there");
  });

  it("unconnected-output: condition branches and else, webhook success and failure", () => {
    const document = flow({
      nodes: [node("start", "start"), node("check", "condition"), node("hook", "webhook"), node("bye", "end")],
      variables: [{ name: "answer" }, { name: "email" }],
      edges: [edge("start", "check"), edge("check", "hook", "yes")],
    });
    const found = issues(document, "unconnected-output");
    expect(found.map((i) => [i.nodeId, i.severity])).toEqual([
      ["check", "warning"],
      ["hook", "warning"],
      ["hook", "warning"],
    ]);
    expect(found.map((i) => i.message).join("\n")).toMatch(/"Else".*"Success".*"Failure"/s);
  });

  it("a flow without an end node is fine when every output is connected", () => {
    const document = flow({
      nodes: [node("start", "start"), node("hi", "message"), node("human", "human-handoff")],
      edges: [edge("start", "hi"), edge("hi", "human")],
    });
    expect(issues(document, "unconnected-output")).toEqual([]);
    expect(issues(document, "unreachable-node")).toEqual([]);
  });
});

describe("reachability", () => {
  it("unreachable-node: nothing leads to the node", () => {
    const document = flow({
      nodes: [node("start", "start"), node("bye", "end"), node("orphan", "end")],
      edges: [edge("start", "bye")],
    });
    const issue = expectOne(document, "unreachable-node", "warning", "orphan");
    expect(issue.path).toBe("nodes.2");
  });

  it("jumps and global actions reach nodes; edges out of unreachable nodes do not", () => {
    const document = flow({
      nodes: [
        node("start", "start"),
        node("go", "jump", { targetNodeId: "jumped" }),
        node("jumped", "end"),
        node("human", "human-handoff"),
        node("island", "message"),
        node("after-island", "end"),
      ],
      edges: [edge("start", "go"), edge("island", "after-island")],
      globalActions: [{ id: "h", trigger: { kind: "keyword", keywords: ["human"] }, target: "human" }],
    });
    expect(issues(document, "unreachable-node").map((i) => i.nodeId)).toEqual(["island", "after-island"]);
  });
});
