import { describe, expect, it } from "vitest";
import { type FlowDocument, hasErrors, validateFlow } from "../../src/index.ts";
import { edge, expectNone, expectOne, flow, node } from "./helpers.ts";

describe("structure rules", () => {
  it("no-start-node: a flow without a start node", () => {
    const issue = expectOne(flow({ nodes: [node("hi", "message")] }), "no-start-node", "error");
    expect(issue.path).toBe("nodes");
    expectNone(flow({ nodes: [node("hi", "message")] }), "unreachable-node");
  });

  it("multiple-start-nodes: names the second start node", () => {
    const document = flow({
      nodes: [node("s1", "start"), node("s2", "start"), node("bye", "end")],
      edges: [edge("s1", "bye"), edge("s2", "bye")],
    });
    expectOne(document, "multiple-start-nodes", "error", "s2");
    expectNone(document, "no-start-node");
  });

  it("duplicate-node-id: names the repeated id", () => {
    const document = flow({
      nodes: [node("start", "start"), node("twice", "end"), node("twice", "end")],
      edges: [edge("start", "twice")],
    });
    const issue = expectOne(document, "duplicate-node-id", "error", "twice");
    expect(issue.path).toBe("nodes.2.id");
  });

  it("duplicate-edge-id: names the repeated edge", () => {
    const document = flow({
      nodes: [node("start", "start"), node("ask", "quick-reply"), node("bye", "end")],
      edges: [edge("start", "ask", "next", "e1"), edge("ask", "bye", "a", "e1"), edge("ask", "bye", "b", "e2")],
    });
    const issue = expectOne(document, "duplicate-edge-id", "error");
    expect(issue.edgeId).toBe("e1");
    expect(issue.path).toBe("edges.1.id");
  });

  it("dangling-edge: a missing target or source", () => {
    const missingTarget = flow({ nodes: [node("start", "start")], edges: [edge("start", "ghost", "next", "e1")] });
    const issue = expectOne(missingTarget, "dangling-edge", "error", "start");
    expect(issue.edgeId).toBe("e1");
    expect(issue.message).toContain('target "ghost"');

    const missingSource = flow({
      nodes: [node("start", "start"), node("bye", "end")],
      edges: [edge("start", "bye"), edge("ghost", "bye", "next", "e2")],
    });
    const other = expectOne(missingSource, "dangling-edge", "error", "bye");
    expect(other.edgeId).toBe("e2");
    expect(other.message).toContain('source "ghost"');
  });

  it("unknown-output: an edge from a handle the node does not have", () => {
    const document = flow({
      nodes: [node("start", "start"), node("hi", "message"), node("bye", "end")],
      edges: [edge("start", "hi"), edge("hi", "bye"), edge("hi", "bye", "success", "wrong")],
    });
    const issue = expectOne(document, "unknown-output", "error", "hi");
    expect(issue.edgeId).toBe("wrong");
    expect(issue.message).toContain('"next"');
  });

  it("duplicate-output-edge: two edges from the same output", () => {
    const document = flow({
      nodes: [node("start", "start"), node("a", "end"), node("b", "end")],
      edges: [edge("start", "a", "next", "first"), edge("start", "b", "next", "second")],
    });
    const issue = expectOne(document, "duplicate-output-edge", "error", "start");
    expect(issue.edgeId).toBe("second");
  });

  it("unknown-jump-target: a jump to a node that does not exist", () => {
    const document = flow({
      nodes: [node("start", "start"), node("go", "jump", { targetNodeId: "nowhere" })],
      edges: [edge("start", "go")],
    });
    const issue = expectOne(document, "unknown-jump-target", "error", "go");
    expect(issue.message).toContain('"nowhere"');
  });

  it("unknown-global-action-target: a global action to a node that does not exist", () => {
    const document = flow({
      nodes: [node("start", "start"), node("bye", "end")],
      edges: [edge("start", "bye")],
      globalActions: [
        {
          id: "human",
          label: "Talk to a human",
          trigger: { kind: "keyword", keywords: ["human"] },
          target: "operator",
        },
      ],
    });
    const issue = expectOne(document, "unknown-global-action-target", "error");
    expect(issue.path).toBe("globalActions.0.target");
    expect(issue.message).toContain('"operator"');
  });
});

describe("validateFlow contract", () => {
  it("never throws on documents that skipped the schema", () => {
    const garbage: unknown[] = [
      null,
      undefined,
      42,
      "flow",
      [],
      {},
      { nodes: "x", edges: 3 },
      { nodes: [null, 1, { id: "a" }, { id: "b", type: "message", data: null }], edges: [null, {}] },
      { nodes: [{ id: "q", type: "quick-reply", data: { options: "nope" } }], edges: [], globalActions: [{}] },
      {
        nodes: [
          { id: "w", type: "webhook", data: {} },
          { id: "c", type: "condition", data: { branches: [{}] } },
        ],
      },
    ];
    for (const value of garbage) {
      const result = validateFlow(value as FlowDocument);
      expect(Array.isArray(result.errors) && Array.isArray(result.warnings)).toBe(true);
      expect(hasErrors(result)).toBe(true);
    }
  });

  it("unknown-node-type and invalid-node-data: documents that skipped the schema", () => {
    const document = {
      ...flow({ nodes: [node("start", "start")] }),
      nodes: [
        { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
        { id: "tp", type: "teleport", position: { x: 0, y: 0 }, data: {} },
        { id: "qr", type: "quick-reply", position: { x: 0, y: 0 }, data: { options: "none" } },
      ],
    } as unknown as FlowDocument;
    const { errors } = validateFlow(document);
    expect(errors.find((e) => e.code === "unknown-node-type")?.nodeId).toBe("tp");
    expect(errors.find((e) => e.code === "invalid-node-data")?.nodeId).toBe("qr");
    expect(errors.some((e) => e.code === "validation-failed")).toBe(false);
  });

  it("hasErrors takes a validation or a list of issues", () => {
    const clean = flow({ nodes: [node("start", "start"), node("bye", "end")], edges: [edge("start", "bye")] });
    expect(hasErrors(validateFlow(clean))).toBe(false);
    expect(hasErrors(validateFlow(flow({ nodes: [] })))).toBe(true);
    expect(hasErrors([{ severity: "warning", code: "x", message: "x" }])).toBe(false);
  });
});
