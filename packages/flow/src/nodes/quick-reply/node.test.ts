import { describe, expect, it } from "vitest";
import { buildFlow, Conversation, messages, ofType, single, types } from "../../../test/helpers/index.ts";
import { quickReplyNode } from "./node.ts";

const OPTIONS = [
  { id: "sales", label: "Talk to sales", value: "sales_team" },
  { id: "support", label: "Get support" },
  { id: "cafe", label: "Café" },
];

function menu(allowFreeText: boolean, connectFallback = true) {
  return buildFlow({
    nodes: [
      { id: "start", type: "start" },
      {
        id: "ask",
        type: "quick-reply",
        data: { prompt: "Hi {{name}}, what do you need?", options: OPTIONS, allowFreeText, variable: "choice" },
      },
      ...OPTIONS.map((o) => ({ id: `to_${o.id}`, type: "end" as const, data: { message: `Handle ${o.id}` } })),
      { id: "to_other", type: "end", data: { message: "Other: {{choice}}" } },
    ],
    edges: [
      "start -> ask",
      ...OPTIONS.map((o) => `ask:${o.id} -> to_${o.id}`),
      ...(connectFallback ? ["ask:fallback -> to_other"] : []),
    ],
    variables: [{ name: "name", default: "Ada" }],
  });
}

async function waitingAt(allowFreeText: boolean, connectFallback = true) {
  const chat = new Conversation(menu(allowFreeText, connectFallback));
  await chat.start();
  return chat;
}

describe("quick-reply node", () => {
  it("asks with its rendered prompt and options, then waits", async () => {
    const chat = new Conversation(menu(false));
    const events = await chat.start();
    expect(events).toEqual([
      {
        type: "choices",
        nodeId: "ask",
        prompt: "Hi Ada, what do you need?",
        options: OPTIONS.map(({ id, label }) => ({ id, label })),
        allowFreeText: false,
      },
    ]);
    expect(chat.state).toMatchObject({ status: "waiting", waiting: { nodeId: "ask", data: {} } });
  });

  it.each(OPTIONS)("a click on $label follows its own output", async (option) => {
    const chat = await waitingAt(false);
    const events = await chat.choose(option.id);
    expect(single(events, "variables-set")).toEqual({
      type: "variables-set",
      nodeId: "ask",
      values: { choice: option.value ?? option.label },
    });
    expect(messages(events)).toEqual([`Handle ${option.id}`]);
    expect(chat.state.status).toBe("ended");
  });

  it.each([
    ["the label, any case", "get SUPPORT", "support"],
    ["the label without accents", "  cafe ", "cafe"],
    ["the value", "Sales_Team", "sales"],
    ["the option's number", "2", "support"],
    ["the last option's number", "3", "cafe"],
  ])("typing %s picks the option", async (_, typed, id) => {
    const chat = await waitingAt(false);
    expect(messages(await chat.say(typed))).toEqual([`Handle ${id}`]);
  });

  it.each([
    ["unknown text", { type: "text", text: "something else" }],
    ["a number out of range", { type: "text", text: "4" }],
    ["zero", { type: "text", text: "0" }],
    ["an unknown option id", { type: "choice", optionId: "nope" }],
    ["a form", { type: "form", values: { a: "b" } }],
  ] as const)("without free text, %s re-asks and keeps waiting", async (_, input) => {
    const chat = await waitingAt(false);
    const events = await chat.send(input);
    expect(types(events)).toEqual(["message", "choices"]);
    expect(events[0]).toEqual({
      type: "message",
      nodeId: "ask",
      text: "Please choose one of the options.",
      typingDelayMs: 0,
    });
    expect(single(events, "choices").prompt).toBe("Hi Ada, what do you need?");
    expect(chat.state).toMatchObject({ status: "waiting", waiting: { nodeId: "ask" } });
    expect(chat.vars.choice).toBeUndefined();
    // The question still works afterwards.
    expect(messages(await chat.choose("support"))).toEqual(["Handle support"]);
  });

  it("with free text, an unmatched answer follows 'Other' and is saved", async () => {
    const chat = await waitingAt(true);
    const events = await chat.say("  I want a refund ");
    expect(single(events, "variables-set").values).toEqual({ choice: "I want a refund" });
    expect(messages(events)).toEqual(["Other: I want a refund"]);
  });

  it("with free text, a blank answer re-asks", async () => {
    const chat = await waitingAt(true);
    expect(types(await chat.say("   "))).toEqual(["message", "choices"]);
    expect(chat.state.status).toBe("waiting");
  });

  it("with free text but 'Other' left unconnected, the typed answer ends the conversation", async () => {
    const chat = await waitingAt(true, false);
    const events = await chat.say("no idea");
    expect(events.at(-1)).toEqual({ type: "end", nodeId: "ask", reason: "dead-end" });
    expect(chat.state.status).toBe("ended");
  });

  it("an option left unconnected ends the conversation", async () => {
    const flow = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        { id: "ask", type: "quick-reply", data: { prompt: "?", options: [{ id: "a", label: "A" }] } },
      ],
      edges: ["start -> ask"],
    });
    const chat = new Conversation(flow);
    await chat.start();
    expect(await chat.choose("a")).toEqual([{ type: "end", nodeId: "ask", reason: "dead-end" }]);
  });

  it("omits an empty prompt and saves nothing without a variable", async () => {
    const flow = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        { id: "ask", type: "quick-reply", data: { prompt: "{{nothing}}", options: [{ id: "a", label: "A" }] } },
        { id: "end", type: "end" },
      ],
      edges: ["start -> ask", "ask:a -> end"],
    });
    const chat = new Conversation(flow);
    expect(single(await chat.start(), "choices")).not.toHaveProperty("prompt");
    expect(ofType(await chat.choose("a"), "variables-set")).toEqual([]);
  });

  it("has one output per option, plus 'Other' when free text is allowed", () => {
    const data = quickReplyNode.schema.parse({ prompt: "?", options: OPTIONS });
    expect(data.allowFreeText).toBe(true);
    expect(quickReplyNode.outputs(data).map((o) => o.id)).toEqual(["sales", "support", "cafe", "fallback"]);
    expect(quickReplyNode.outputs({ ...data, allowFreeText: false }).map((o) => o.id)).toEqual([
      "sales",
      "support",
      "cafe",
    ]);
    expect(quickReplyNode.waitsForInput(data)).toBe(true);
    expect(
      quickReplyNode.schema.safeParse({
        prompt: "?",
        options: [
          { id: "a", label: "A" },
          { id: "a", label: "B" },
        ],
      }).success,
    ).toBe(false);
  });
});
