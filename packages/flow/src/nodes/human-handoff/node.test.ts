import { describe, expect, it } from "vitest";
import { buildFlow, Conversation, FakeAi, fakePorts, messages, types } from "../../../test/helpers/index.ts";
import { humanHandoffNode } from "./node.ts";

const flow = buildFlow({
  nodes: [
    { id: "start", type: "start" },
    { id: "hi", type: "message", data: { text: "Welcome" } },
    {
      id: "ask",
      type: "quick-reply",
      data: { prompt: "How can I help?", options: [{ id: "person", label: "A person" }], allowFreeText: false },
    },
    {
      id: "human",
      type: "human-handoff",
      data: { message: "Connecting you, {{name}}. Please hold on.", reason: "Asked for a person" },
    },
    { id: "risk", type: "ai-step", data: { model: "openai:gpt-4o-mini" } },
  ],
  edges: ["start -> hi", "hi -> ask", "ask:person -> human"],
  variables: [{ name: "name", default: "Ada" }],
  globalActions: [
    { id: "restart", trigger: { kind: "keyword", keywords: ["restart", "begin again"] }, target: "start" },
    { id: "agent", trigger: { kind: "keyword", keywords: ["human", "agent"] }, target: "human" },
    { id: "risk", trigger: { kind: "keyword", keywords: ["risk", "problem"] }, target: "risk" },
  ],
});

async function handedOff() {
  const ai = new FakeAi();
  const chat = new Conversation(flow, fakePorts({ ai }));
  await chat.start();
  const events = await chat.choose("person");
  return { chat, events, ai };
}

describe("human-handoff node", () => {
  it("tells the user, marks the conversation as handed off and stops", async () => {
    const { chat, events } = await handedOff();
    expect(events).toEqual([
      {
        type: "handoff",
        nodeId: "human",
        message: "Connecting you, Ada. Please hold on.",
        reason: "Asked for a person",
      },
      { type: "end", nodeId: "human", reason: "handoff" },
    ]);
    expect(chat.state).toMatchObject({ status: "handoff", waiting: null });
  });

  it("is reached from anywhere with a global action", async () => {
    const chat = new Conversation(flow);
    await chat.start();
    expect(types(await chat.say("I want a HUMAN now"))).toEqual(["handoff", "end"]);
    expect(chat.state.status).toBe("handoff");
  });

  it("stays silent afterwards: later messages, even with other actions' keywords, produce no events", async () => {
    const { chat, ai } = await handedOff();
    for (const text of ["hello?", "is anyone there", "I have a problem", "agent please"]) {
      expect(await chat.say(text)).toEqual([]);
      expect(chat.state.status).toBe("handoff");
    }
    expect(ai.textRequests).toEqual([]);
    expect(chat.state.path.at(-1)).toBe("human");
  });

  it("a restart global action still works", async () => {
    const { chat } = await handedOff();
    const events = await chat.say("ok, begin again");
    expect(messages(events)).toEqual(["Welcome"]);
    expect(types(events)).toEqual(["message", "choices"]);
    expect(chat.state).toMatchObject({ status: "waiting", waiting: { nodeId: "ask" } });
  });

  it("a restart input still works", async () => {
    const { chat } = await handedOff();
    expect(types(await chat.restart())).toEqual(["message", "choices"]);
  });

  it("has no outputs and counts as waiting for input", () => {
    const data = humanHandoffNode.schema.parse({ message: "Hold on {{name}}" });
    expect(humanHandoffNode.outputs(data)).toEqual([]);
    expect(humanHandoffNode.waitsForInput(data)).toBe(true);
    expect(humanHandoffNode.references(data).reads).toEqual(["name"]);
  });
});
