import { describe, expect, it } from "vitest";
import { buildFlow, Conversation, chain, messages, ofType, single, types } from "../../../test/helpers/index.ts";
import { jumpNode } from "./node.ts";

describe("jump node", () => {
  const flow = buildFlow({
    nodes: [
      { id: "start", type: "start" },
      {
        id: "menu",
        type: "quick-reply",
        data: {
          prompt: "Menu",
          options: [
            { id: "info", label: "Info" },
            { id: "bye", label: "Bye" },
          ],
          allowFreeText: false,
        },
      },
      { id: "info", type: "message", data: { text: "Here is some info." } },
      { id: "back", type: "jump", data: { targetNodeId: "menu" } },
      { id: "bye", type: "end", data: { message: "Bye" } },
    ],
    edges: ["start -> menu", "menu:info -> info", "info -> back", "menu:bye -> bye"],
  });

  it("continues at its target, e.g. back to a menu", async () => {
    const chat = new Conversation(flow);
    await chat.start();
    const events = await chat.choose("info");
    expect(types(events)).toEqual(["message", "choices"]);
    expect(single(events, "choices").prompt).toBe("Menu");
    expect(chat.state.path).toEqual(["start", "menu", "info", "back", "menu"]);
    expect(chat.state.waiting?.nodeId).toBe("menu");
    expect(messages(await chat.choose("bye"))).toEqual(["Bye"]);
  });

  it("reports a missing target and leaves the state as it was", async () => {
    const broken = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        { id: "hi", type: "message", data: { text: "hi" } },
        { id: "j", type: "jump", data: { targetNodeId: "nowhere" } },
      ],
      edges: chain("start", "hi", "j"),
    });
    const chat = new Conversation(broken);
    const events = await chat.start();
    expect(single(events, "error")).toMatchObject({ code: "unknown-node", message: 'The flow has no node "nowhere".' });
    expect(chat.state.status).toBe("new");
    expect(chat.state.path).toEqual([]);
  });

  it("jumping to itself is stopped by the step budget", async () => {
    const loop = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        { id: "j", type: "jump", data: { targetNodeId: "j" } },
      ],
      edges: ["start -> j"],
      settings: { stepBudget: 10 },
    });
    const events = await new Conversation(loop).start();
    expect(ofType(events, "error").map((e) => e.code)).toEqual(["step-budget-exceeded"]);
  });

  it("has no outputs and names its target for validation", () => {
    expect(jumpNode.outputs({ targetNodeId: "menu" })).toEqual([]);
    expect(jumpNode.references({ targetNodeId: "menu" }).targets).toEqual(["menu"]);
    expect(jumpNode.schema.safeParse({ targetNodeId: "" }).success).toBe(false);
  });
});
