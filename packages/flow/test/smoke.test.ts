import { describe, expect, it } from "vitest";
import { type FlowPorts, flowDocumentSchema, initialState, runTurn } from "../src/index.ts";

const ports: FlowPorts = { clock: { now: () => 0 }, random: { next: () => 0.5 } };

describe("engine smoke", () => {
  it("greets, asks, branches on the answer", async () => {
    const flow = flowDocumentSchema.parse({
      version: 1,
      nodes: [
        { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
        { id: "hi", type: "message", position: { x: 0, y: 0 }, data: { text: "Hello {{name}}" } },
        {
          id: "ask",
          type: "quick-reply",
          position: { x: 0, y: 0 },
          data: {
            prompt: "Pick",
            options: [
              { id: "a", label: "A" },
              { id: "b", label: "B" },
            ],
            variable: "pick",
          },
        },
        { id: "done", type: "end", position: { x: 0, y: 0 }, data: { message: "You chose {{pick}}" } },
      ],
      edges: [
        { id: "e1", source: "start", target: "hi" },
        { id: "e2", source: "hi", target: "ask" },
        { id: "e3", source: "ask", sourceHandle: "b", target: "done" },
      ],
      variables: [{ name: "name", default: "Ada" }],
    });
    const first = await runTurn({ flow, state: initialState(), input: { type: "start" }, ports });
    expect(first.events.map((e) => e.type)).toEqual(["message", "choices"]);
    expect(first.events[0]).toMatchObject({ text: "Hello Ada" });
    expect(first.state.status).toBe("waiting");
    const second = await runTurn({
      flow,
      state: JSON.parse(JSON.stringify(first.state)),
      input: { type: "text", text: "b" },
      ports,
    });
    expect(second.events.find((e) => e.type === "message")).toMatchObject({ text: "You chose B" });
    expect(second.state.status).toBe("ended");
  });

  it("starts at a chosen node (preview), and refuses a node that does not exist", async () => {
    const flow = flowDocumentSchema.parse({
      version: 1,
      nodes: [
        { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
        { id: "hi", type: "message", position: { x: 0, y: 0 }, data: { text: "Hello" } },
        { id: "later", type: "message", position: { x: 0, y: 0 }, data: { text: "Later on" } },
      ],
      edges: [
        { id: "e1", source: "start", target: "hi" },
        { id: "e2", source: "hi", target: "later" },
      ],
    });
    const atLater = await runTurn({ flow, state: initialState(), input: { type: "start", atNodeId: "later" }, ports });
    expect(atLater.events.filter((e) => e.type === "message").map((e) => (e as { text: string }).text)).toEqual([
      "Later on",
    ]);
    const missing = await runTurn({ flow, state: initialState(), input: { type: "start", atNodeId: "nope" }, ports });
    expect(missing.events[0]).toMatchObject({ type: "error", code: "unknown-node" });
  });

  it("sets variables the embedding page passes at the start", async () => {
    const flow = flowDocumentSchema.parse({
      version: 1,
      nodes: [
        { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
        { id: "hi", type: "message", position: { x: 0, y: 0 }, data: { text: "Hello {{name}} on {{plan}}" } },
      ],
      edges: [{ id: "e1", source: "start", target: "hi" }],
      variables: [{ name: "name", default: "there" }],
    });
    const result = await runTurn({
      flow,
      state: initialState(),
      input: { type: "start", variables: { name: "Grace", plan: "pro" } },
      ports,
    });
    expect(result.events[0]).toMatchObject({ text: "Hello Grace on pro" });
  });
});
