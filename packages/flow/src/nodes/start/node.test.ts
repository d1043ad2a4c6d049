import { describe, expect, it } from "vitest";
import { buildFlow, Conversation, chain, messages, single, types } from "../../../test/helpers/index.ts";
import { fakePorts } from "../../../test/helpers/ports.ts";
import { initialState, runTurn } from "../../index.ts";
import { startNode } from "./node.ts";

const flow = buildFlow({
  nodes: [
    { id: "start", type: "start" },
    { id: "hi", type: "message", data: { text: "Hello {{name}}, you said {{last_message}}" } },
    { id: "ask", type: "quick-reply", data: { prompt: "Ready?", options: [{ id: "go", label: "Go" }] } },
  ],
  edges: chain("start", "hi", "ask"),
  variables: [{ name: "name", default: "Ada" }],
});

describe("start node", () => {
  it("opens the conversation and follows its only output", async () => {
    const chat = new Conversation(flow);
    const events = await chat.start();
    expect(types(events)).toEqual(["message", "choices"]);
    expect(chat.state).toMatchObject({ status: "waiting", waiting: { nodeId: "ask" }, path: ["start", "hi", "ask"] });
    expect(chat.state.steps).toBe(3);
    expect(chat.state.turns).toBe(1);
  });

  it("fills variables with their defaults", async () => {
    const chat = new Conversation(flow);
    expect(messages(await chat.start())).toEqual(["Hello Ada, you said "]);
    expect(chat.vars).toEqual({ name: "Ada" });
  });

  it("starts a new conversation from a first typed message, which is the last_message", async () => {
    const chat = new Conversation(flow);
    expect(messages(await chat.say("hey there"))).toEqual(["Hello Ada, you said hey there"]);
    expect(chat.vars.last_message).toBe("hey there");
  });

  it("starts over on a start or restart input, from defaults", async () => {
    const chat = new Conversation(flow);
    await chat.start();
    chat.state.vars.name = "Grace";
    chat.state.vars.extra = 1;
    for (const input of [{ type: "restart" }, { type: "start" }] as const) {
      const events = await chat.send(input);
      expect(messages(events)).toEqual(["Hello Ada, you said "]);
      expect(chat.vars).toEqual({ name: "Ada" });
      expect(chat.state.path).toEqual(["start", "hi", "ask"]);
    }
    expect(chat.state.turns).toBe(3);
  });

  it("ends with a dead end when its output is not connected", async () => {
    const lonely = buildFlow({ nodes: [{ id: "start", type: "start" }] });
    const chat = new Conversation(lonely);
    const events = await chat.start();
    expect(events).toEqual([{ type: "end", nodeId: "start", reason: "dead-end" }]);
    expect(chat.state.status).toBe("ended");
  });

  it("reports a flow without a start node and keeps the state", async () => {
    const headless = buildFlow({ nodes: [{ id: "hi", type: "message", data: { text: "Hi" } }] });
    const state = initialState();
    const result = await runTurn({ flow: headless, state, input: { type: "start" }, ports: fakePorts() });
    expect(single(result.events, "error")).toMatchObject({ code: "unknown-node" });
    expect(result.state).toEqual({ ...state, turns: 1 });
  });

  it("runs the first start node when there are several", async () => {
    const twoStarts = buildFlow({
      nodes: [
        { id: "s1", type: "start" },
        { id: "s2", type: "start" },
        { id: "a", type: "end", data: { message: "first" } },
        { id: "b", type: "end", data: { message: "second" } },
      ],
      edges: ["s1 -> a", "s2 -> b"],
    });
    expect(messages(await new Conversation(twoStarts).start())).toEqual(["first"]);
  });

  it("describes itself: one output, no settings, never waits", () => {
    expect(startNode.outputs({})).toEqual([{ id: "next", label: "Next" }]);
    expect(startNode.waitsForInput({})).toBe(false);
    expect(startNode.schema.parse({})).toEqual({});
  });
});
