import { describe, expect, it } from "vitest";
import { edge, expectNone, expectOne, flow, node } from "./helpers.ts";

describe("loops that never wait for the user", () => {
  it("loop-without-input: reports the nodes of the cycle in order", () => {
    const document = flow({
      nodes: [node("start", "start"), node("a", "message"), node("b", "set-variable"), node("c", "message")],
      edges: [edge("start", "a"), edge("a", "b"), edge("b", "c"), edge("c", "a")],
    });
    const issue = expectOne(document, "loop-without-input", "error", "a");
    expect(issue.nodeIds).toEqual(["a", "b", "c"]);
    expect(issue.message).toContain("a → b → c → a");
  });

  it("loop-without-input: a jump back and a self loop", () => {
    const jumpBack = flow({
      nodes: [node("start", "start"), node("hi", "message"), node("again", "jump", { targetNodeId: "hi" })],
      edges: [edge("start", "hi"), edge("hi", "again")],
    });
    expect(expectOne(jumpBack, "loop-without-input", "error", "hi").nodeIds).toEqual(["hi", "again"]);

    const self = flow({
      nodes: [node("start", "start"), node("hi", "message")],
      edges: [edge("start", "hi"), edge("hi", "hi")],
    });
    expect(expectOne(self, "loop-without-input", "error", "hi").nodeIds).toEqual(["hi"]);
  });

  it("a loop through a question is fine", () => {
    const document = flow({
      nodes: [node("start", "start"), node("menu", "quick-reply", { allowFreeText: false }), node("info", "message")],
      edges: [edge("start", "menu"), edge("menu", "info", "a"), edge("menu", "info", "b"), edge("info", "menu")],
    });
    expectNone(document, "loop-without-input");
  });

  it("a cycle avoiding the waiting node of its component is still reported", () => {
    const document = flow({
      nodes: [node("start", "start"), node("hub", "condition"), node("ask", "collect-data"), node("spin", "message")],
      variables: [{ name: "answer" }],
      edges: [
        edge("start", "hub"),
        edge("hub", "ask", "yes"),
        edge("ask", "hub"),
        edge("hub", "spin", "else"),
        edge("spin", "hub"),
      ],
    });
    expect(expectOne(document, "loop-without-input", "error", "hub").nodeIds).toEqual(["hub", "spin"]);
  });

  it("an AI chat step's error output does not wait: a loop through it is reported", () => {
    const document = flow({
      nodes: [
        node("start", "start"),
        node("chat", "ai-step", { mode: "chat" }),
        node("sorry", "message"),
        node("bye", "end"),
      ],
      edges: [edge("start", "chat"), edge("chat", "bye"), edge("chat", "sorry", "error"), edge("sorry", "chat")],
    });
    expect(expectOne(document, "loop-without-input", "error", "chat").nodeIds).toEqual(["chat", "sorry"]);

    const viaNext = flow({
      nodes: [
        node("start", "start"),
        node("chat", "ai-step", { mode: "chat" }),
        node("more", "message"),
        node("bye", "end"),
      ],
      edges: [edge("start", "chat"), edge("chat", "more"), edge("more", "chat"), edge("chat", "bye", "error")],
    });
    expectNone(viaNext, "loop-without-input");
  });
});
