import { describe, expect, it } from "vitest";
import {
  buildFlow,
  Conversation,
  FakeAi,
  fakePorts,
  messages,
  ofType,
  single,
  types,
  usage,
} from "../../../test/helpers/index.ts";
import { type HistoryMessage, initialState, runTurn } from "../../index.ts";
import { aiStepNode, UNAVAILABLE_MESSAGE } from "./node.ts";

type StepData = Record<string, unknown>;

/** start → greeting (so a typed message can wait at a quick reply) → ai step → next / error messages. */
function flowWith(step: StepData, options: { connectError?: boolean; expert?: StepData } = {}) {
  return buildFlow({
    nodes: [
      { id: "start", type: "start" },
      ...(options.expert ? [{ id: "expert", type: "expert-handoff" as const, data: options.expert }] : []),
      { id: "ai", type: "ai-step", data: { model: "openai:gpt-4o-mini", ...step } },
      { id: "after", type: "end", data: { message: "after {{answer}}" } },
      { id: "failed", type: "end", data: { message: "failed" } },
    ],
    edges: [
      ...(options.expert ? ["start -> expert", "expert -> ai"] : ["start -> ai"]),
      "ai -> after",
      ...(options.connectError === false ? [] : ["ai:error -> failed"]),
    ],
    variables: [
      { name: "topic", default: "budgets" },
      { name: "user", type: "json", default: { name: "Ada" } },
    ],
  });
}

describe("ai-step node", () => {
  it("streams the answer: text-start, deltas, text-end with usage, then continues", async () => {
    const ai = new FakeAi().text({ chunks: ["Plan ", "your ", "budget."], usage: usage(12, 3, "gpt-4o-mini") });
    const chat = new Conversation(flowWith({ prompt: "Talk about {{topic}}" }), fakePorts({ ai }));
    const events = await chat.start();
    expect(types(events)).toEqual([
      "text-start",
      "text-delta",
      "text-delta",
      "text-delta",
      "text-end",
      "message",
      "end",
    ]);
    const start = single(events, "text-start");
    expect(start).toEqual({ type: "text-start", nodeId: "ai", messageId: expect.stringMatching(/^ai:/) });
    expect(ofType(events, "text-delta").map((e) => [e.delta, e.messageId])).toEqual([
      ["Plan ", start.messageId],
      ["your ", start.messageId],
      ["budget.", start.messageId],
    ]);
    expect(single(events, "text-end")).toEqual({
      type: "text-end",
      nodeId: "ai",
      messageId: start.messageId,
      text: "Plan your budget.",
      status: "complete",
      usage: usage(12, 3, "gpt-4o-mini"),
    });
    expect(chat.state.status).toBe("ended");
  });

  it("sends the rendered prompt and system prompt, the model preference and the settings", async () => {
    const ai = new FakeAi().text("ok");
    const flow = flowWith({
      systemPrompt: "Help {{user.name}}.",
      prompt: "Explain {{topic}}; user said: {{last_message}}",
      fallbackModels: ["anthropic:claude-haiku"],
      temperature: 0.1,
      maxTokens: 50,
    });
    await new Conversation(flow, fakePorts({ ai })).say("hi there");
    expect(ai.textRequests).toEqual([
      {
        nodeId: "ai",
        modelPreference: { model: "openai:gpt-4o-mini", fallbacks: ["anthropic:claude-haiku"] },
        system: "Help Ada.",
        prompt: "Explain budgets; user said: hi there",
        history: [],
        temperature: 0.1,
        maxTokens: 50,
      },
    ]);
  });

  it("saves the full answer to a variable", async () => {
    const ai = new FakeAi().text({ chunks: ["Forty", "-two"] });
    const chat = new Conversation(flowWith({ saveTo: "answer" }), fakePorts({ ai }));
    const events = await chat.start();
    expect(single(events, "variables-set")).toEqual({
      type: "variables-set",
      nodeId: "ai",
      values: { answer: "Forty-two" },
    });
    expect(messages(events)).toEqual(["after Forty-two"]);
  });

  it("sends only the last historyWindow messages, none with a window of 0", async () => {
    const history: HistoryMessage[] = Array.from({ length: 15 }, (_, i) => ({
      role: i % 2 ? "assistant" : "user",
      text: `m${i}`,
    }));
    for (const [historyWindow, expected] of [
      [3, ["m12", "m13", "m14"]],
      [0, []],
      [50, history.map((m) => m.text)],
    ] as const) {
      const ai = new FakeAi().text("ok");
      await runTurn({
        flow: flowWith({ historyWindow }),
        state: initialState(),
        input: { type: "start" },
        ports: fakePorts({ ai }),
        history,
      });
      expect(ai.textRequests[0]?.history.map((m) => m.text)).toEqual(expected);
    }
  });

  it("speaks as the active expert: its persona first, its model when the step has none", async () => {
    const ai = new FakeAi().text("Hello");
    const expert = {
      name: "PM Expert",
      systemPrompt: "You are a PMP for {{user.name}}.",
      model: "anthropic:claude-sonnet",
    };
    const events = await new Conversation(
      flowWith({ model: "", systemPrompt: "Be brief." }, { expert }),
      fakePorts({ ai }),
    ).start();
    expect(ai.textRequests[0]).toMatchObject({
      system: "You are a PMP for Ada.\n\nBe brief.",
      modelPreference: { model: "anthropic:claude-sonnet" },
    });
    expect(single(events, "text-start").expert).toBe("PM Expert");
  });

  it("keeps its own model when it has one, under an expert", async () => {
    const ai = new FakeAi().text("Hello");
    const expert = { name: "PM Expert", systemPrompt: "You plan.", model: "anthropic:claude-sonnet" };
    await new Conversation(
      flowWith({ model: "openai:gpt-4o", systemPrompt: "" }, { expert }),
      fakePorts({ ai }),
    ).start();
    expect(ai.textRequests[0]).toMatchObject({ system: "You plan.", modelPreference: { model: "openai:gpt-4o" } });
  });

  it("without an AI port reports ai-unavailable and follows the error output", async () => {
    const chat = new Conversation(flowWith({}));
    const events = await chat.start();
    expect(events).toEqual([
      { type: "error", nodeId: "ai", code: "ai-unavailable", message: UNAVAILABLE_MESSAGE },
      { type: "message", nodeId: "failed", text: "failed", typingDelayMs: 0 },
      { type: "end", nodeId: "failed", reason: "end-node" },
    ]);
  });

  it("a failure before the first token says nothing and follows the error output", async () => {
    const ai = new FakeAi().text({ failBeforeFirstToken: "rate limited" });
    const chat = new Conversation(flowWith({ saveTo: "answer" }), fakePorts({ ai }));
    const events = await chat.start();
    expect(types(events)).toEqual(["error", "message", "end"]);
    expect(events[0]).toEqual({ type: "error", nodeId: "ai", code: "ai-failed", message: "rate limited" });
    expect(messages(events)).toEqual(["failed"]);
    expect(chat.vars.answer).toBeUndefined();
  });

  it("a failure after the first token ends the message as partial, then reports the error", async () => {
    const ai = new FakeAi().text({ chunks: ["Half ", "an "], failAfter: "connection reset" });
    const chat = new Conversation(flowWith({ saveTo: "answer" }), fakePorts({ ai }));
    const events = await chat.start();
    expect(types(events)).toEqual([
      "text-start",
      "text-delta",
      "text-delta",
      "text-end",
      "error",
      "variables-set",
      "message",
      "end",
    ]);
    expect(single(events, "text-end")).toMatchObject({ text: "Half an ", status: "partial" });
    expect(single(events, "text-end")).not.toHaveProperty("usage");
    expect(single(events, "error")).toMatchObject({ code: "ai-failed", message: "connection reset" });
    expect(chat.vars.answer).toBe("Half an ");
    expect(messages(events)).toEqual(["failed"]);
  });

  it("closes the message even when the stream stops without a finish chunk", async () => {
    const ai = new FakeAi().text({ chunks: ["All ", "done"], finish: false });
    const events = await new Conversation(flowWith({}), fakePorts({ ai })).start();
    expect(single(events, "text-end")).toMatchObject({ text: "All done", status: "complete" });
    expect(single(events, "text-end")).not.toHaveProperty("usage");
  });

  it("an unconnected error output ends the conversation", async () => {
    const chat = new Conversation(flowWith({}, { connectError: false }));
    const events = await chat.start();
    expect(events.at(-1)).toEqual({ type: "end", nodeId: "ai", reason: "dead-end" });
  });

  describe("chat mode", () => {
    const chatFlow = () => flowWith({ mode: "chat", exitPhrases: ["Done", "back to menu"], saveTo: "answer" });

    it("answers, waits, answers each message, and leaves on an exit phrase", async () => {
      const ai = new FakeAi().text("Ask me anything.").text("Budgets are plans.").text("Yes.");
      const chat = new Conversation(chatFlow(), fakePorts({ ai }));
      expect(types(await chat.start())).toEqual([
        "text-start",
        "text-delta",
        "text-delta",
        "text-delta",
        "text-end",
        "variables-set",
      ]);
      expect(chat.state).toMatchObject({ status: "waiting", waiting: { nodeId: "ai" } });

      let turn = await chat.say("What is a budget?");
      expect(single(turn, "text-end").text).toBe("Budgets are plans.");
      expect(ai.textRequests[1]?.prompt).toBe("What is a budget?");
      expect(ai.textRequests[1]?.history.map((m) => m.text)).toEqual(["Ask me anything."]);
      expect(chat.state.waiting?.nodeId).toBe("ai");

      turn = await chat.say("Really?");
      expect(single(turn, "text-end").text).toBe("Yes.");

      turn = await chat.say("  back to MENU ");
      expect(messages(turn)).toEqual(["after Yes."]);
      expect(ai.textRequests).toHaveLength(3);
      expect(chat.state.status).toBe("ended");
    });

    it("a message that only contains an exit phrase is still answered", async () => {
      const ai = new FakeAi().text("Hi.").text("Sure.");
      const chat = new Conversation(chatFlow(), fakePorts({ ai }));
      await chat.start();
      expect(single(await chat.say("I am not done yet"), "text-end").text).toBe("Sure.");
      expect(chat.state.status).toBe("waiting");
    });

    it("a failure in chat mode follows the error output", async () => {
      const ai = new FakeAi().text("Hi.").text({ failBeforeFirstToken: "boom" });
      const chat = new Conversation(chatFlow(), fakePorts({ ai }));
      await chat.start();
      expect(messages(await chat.say("question"))).toEqual(["failed"]);
    });
  });

  it("has next and error outputs and waits only in chat mode", () => {
    const data = aiStepNode.schema.parse({ model: "", saveTo: "out", prompt: "{{a}}", systemPrompt: "{{b}}" });
    expect(aiStepNode.outputs(data).map((o) => o.id)).toEqual(["next", "error"]);
    expect(aiStepNode.waitsForInput(data)).toBe(false);
    expect(aiStepNode.waitsForInput({ ...data, mode: "chat" })).toBe(true);
    expect(aiStepNode.references(data)).toMatchObject({ reads: ["a", "b"], writes: ["out"] });
  });
});
