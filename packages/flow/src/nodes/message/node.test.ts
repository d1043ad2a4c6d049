import { describe, expect, it } from "vitest";
import { buildFlow, Conversation, chain, messages, ofType, single } from "../../../test/helpers/index.ts";
import { messageNode } from "./node.ts";

function sayOnce(text: string, vars: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return buildFlow({
    nodes: [
      { id: "start", type: "start" },
      { id: "m", type: "message", data: { text, ...extra } },
      { id: "end", type: "end" },
    ],
    edges: chain("start", "m", "end"),
    variables: Object.entries(vars).map(([name, value]) => ({ name, type: "json", default: value as never })),
    settings: { typingDelayMs: 450 },
  });
}

describe("message node", () => {
  it("says its text and follows next", async () => {
    const chat = new Conversation(sayOnce("Hello! 👋"));
    const events = await chat.start();
    expect(events).toEqual([
      { type: "message", nodeId: "m", text: "Hello! 👋", typingDelayMs: 450 },
      { type: "end", nodeId: "end", reason: "end-node" },
    ]);
  });

  it.each([
    ["Hi {{name}}", { name: "Ada" }, "Hi Ada"],
    ["Hi {{ name }}!", { name: "Ada" }, "Hi Ada!"],
    ["{{user.address.city}}", { user: { address: { city: "Oslo" } } }, "Oslo"],
    ["[{{missing}}] [{{user.nope}}] [{{name.length}}]", { user: {}, name: "Ada" }, "[] [] []"],
    ["{{n}} items, {{flag}}, {{nothing}}", { n: 3, flag: true, nothing: null }, "3 items, true, "],
    ["Steps: {{steps}}", { steps: ["plan", "build"] }, "Steps: plan, build"],
    ["{{obj}}", { obj: { a: 1 } }, '{"a":1}'],
    ["{{ not a placeholder }} {name}", { name: "Ada" }, "{{ not a placeholder }} {name}"],
  ])("renders %j", async (text, vars, expected) => {
    expect(messages(await new Conversation(sayOnce(text, vars)).start())).toEqual([expected]);
  });

  it("sees the user's latest message as {{last_message}}", async () => {
    expect(messages(await new Conversation(sayOnce("You said: {{last_message}}")).say("bonjour"))).toEqual([
      "You said: bonjour",
    ]);
  });

  it("sends the image and its own typing delay", async () => {
    const flow = sayOnce("Look", {}, { imageUrl: "https://cdn.example.com/a.png", typingDelayMs: 0 });
    expect(single(await new Conversation(flow).start(), "message")).toEqual({
      type: "message",
      nodeId: "m",
      text: "Look",
      imageUrl: "https://cdn.example.com/a.png",
      typingDelayMs: 0,
    });
  });

  it("speaks as the active expert", async () => {
    const flow = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        { id: "x", type: "expert-handoff", data: { name: "PM Expert", systemPrompt: "You plan.", model: "" } },
        { id: "m", type: "message", data: { text: "Let's plan." } },
        { id: "end", type: "end" },
      ],
      edges: chain("start", "x", "m", "end"),
    });
    expect(ofType(await new Conversation(flow).start(), "message")).toEqual([
      { type: "message", nodeId: "m", text: "Let's plan.", typingDelayMs: 0, expert: "PM Expert" },
    ]);
  });

  it("says several messages in order within one turn", async () => {
    const flow = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        { id: "a", type: "message", data: { text: "one" } },
        { id: "b", type: "message", data: { text: "two" } },
        { id: "c", type: "message", data: { text: "three" } },
      ],
      edges: chain("start", "a", "b", "c"),
    });
    const chat = new Conversation(flow);
    const events = await chat.start();
    expect(messages(events)).toEqual(["one", "two", "three"]);
    expect(events.at(-1)).toEqual({ type: "end", nodeId: "c", reason: "dead-end" });
  });

  it("accepts only http(s) images and declares what it reads", () => {
    expect(messageNode.schema.safeParse({ text: "x", imageUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(messageNode.schema.safeParse({ text: "x", imageUrl: "http://example.com/a.png" }).success).toBe(true);
    expect(messageNode.references({ text: "{{a}} and {{b.c}}" }).reads).toEqual(["a", "b"]);
    expect(messageNode.outputs({ text: "" })).toEqual([{ id: "next", label: "Next" }]);
  });
});
