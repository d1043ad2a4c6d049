import { describe, expect, it } from "vitest";
import { buildFlow, Conversation, chain, messages, single, types } from "../../../test/helpers/index.ts";

const flow = buildFlow({
  nodes: [
    { id: "start", type: "start" },
    { id: "hi", type: "message", data: { text: "Hi" } },
    { id: "bye", type: "end", data: { message: "Thanks {{name}}!" } },
  ],
  edges: chain("start", "hi", "bye"),
  variables: [{ name: "name", default: "Ada" }],
  globalActions: [{ id: "again", trigger: { kind: "keyword", keywords: ["restart"] }, target: "start" }],
});

describe("end node", () => {
  it("says its closing message and ends the conversation", async () => {
    const chat = new Conversation(flow);
    const events = await chat.start();
    expect(events.slice(1)).toEqual([
      { type: "message", nodeId: "bye", text: "Thanks Ada!", typingDelayMs: 0 },
      { type: "end", nodeId: "bye", reason: "end-node" },
    ]);
    expect(chat.state).toMatchObject({ status: "ended", waiting: null });
  });

  it("ends silently without a message", async () => {
    const silent = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        { id: "bye", type: "end" },
      ],
      edges: ["start -> bye"],
    });
    expect(await new Conversation(silent).start()).toEqual([{ type: "end", nodeId: "bye", reason: "end-node" }]);
  });

  it("answers a later message with a conversation-ended error and changes nothing", async () => {
    const chat = new Conversation(flow);
    await chat.start();
    const before = chat.state;
    const events = await chat.say("hello?");
    expect(events).toEqual([
      { type: "error", code: "conversation-ended", message: "This conversation has ended. Start again to continue." },
    ]);
    expect(chat.state).toEqual({ ...before, turns: before.turns + 1 });
  });

  it("starts again on restart", async () => {
    const chat = new Conversation(flow);
    await chat.start();
    expect(messages(await chat.restart())).toEqual(["Hi", "Thanks Ada!"]);
    expect(chat.state.status).toBe("ended");
  });

  it("starts again on a restart global action", async () => {
    const chat = new Conversation(flow);
    await chat.start();
    const events = await chat.say("Please RESTART");
    expect(types(events)).toEqual(["message", "message", "end"]);
    expect(single(events, "end").reason).toBe("end-node");
    expect(chat.vars).toEqual({ name: "Ada", last_message: "Please RESTART" });
  });
});
