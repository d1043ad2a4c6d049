import { describe, expect, it } from "vitest";
import { buildFlow, Conversation, FakeAi, fakePorts, single, types } from "../../../test/helpers/index.ts";
import { expertHandoffNode } from "./node.ts";

const EXPERT = {
  name: "Project Management Expert",
  systemPrompt: "You are a PMP-certified project manager helping {{name}}.",
  model: "anthropic:claude-sonnet",
  message: "Hi {{name}}, I'm your project management expert.",
};

const flow = buildFlow({
  nodes: [
    { id: "start", type: "start" },
    { id: "pm", type: "expert-handoff", data: EXPERT },
    { id: "plan", type: "ai-step", data: { model: "", systemPrompt: "Answer in one line." } },
    {
      id: "own",
      type: "ai-step",
      data: { model: "openai:gpt-4o", systemPrompt: "", mode: "chat", exitPhrases: ["bye"] },
    },
    { id: "end", type: "end" },
  ],
  edges: ["start -> pm", "pm -> plan", "plan -> own", "own -> end"],
  variables: [{ name: "name", default: "Ada" }],
});

describe("expert-handoff node", () => {
  it("announces the expert, introduces it and continues", async () => {
    const ai = new FakeAi().text("Plan.").text("Hi.");
    const chat = new Conversation(flow, fakePorts({ ai }));
    const events = await chat.start();
    expect(events.slice(0, 2)).toEqual([
      {
        type: "expert-change",
        nodeId: "pm",
        expert: { name: "Project Management Expert", model: "anthropic:claude-sonnet" },
      },
      {
        type: "message",
        nodeId: "pm",
        text: "Hi Ada, I'm your project management expert.",
        typingDelayMs: 0,
        expert: "Project Management Expert",
      },
    ]);
    expect(types(events.slice(2))).toEqual([
      "text-start",
      "text-delta",
      "text-end",
      "text-start",
      "text-delta",
      "text-end",
    ]);
  });

  it("keeps only the expert's node id and name in the state", async () => {
    const chat = new Conversation(flow, fakePorts({ ai: new FakeAi().text("a").text("b") }));
    await chat.start();
    expect(chat.state.expert).toEqual({ nodeId: "pm", name: "Project Management Expert" });
  });

  it("following AI steps use its persona, and its model when they have none", async () => {
    const ai = new FakeAi().text("Plan.").text("Hi.").text("Still me.");
    const chat = new Conversation(flow, fakePorts({ ai }));
    await chat.start();
    const [plan, own] = ai.textRequests;
    expect(plan).toMatchObject({
      system: "You are a PMP-certified project manager helping Ada.\n\nAnswer in one line.",
      modelPreference: { model: "anthropic:claude-sonnet" },
    });
    expect(own).toMatchObject({
      system: "You are a PMP-certified project manager helping Ada.",
      modelPreference: { model: "openai:gpt-4o" },
    });
    // Next turn, from the stored state: the persona is found again from the node.
    const turn = await chat.say("and now?");
    expect(single(turn, "text-start").expert).toBe("Project Management Expert");
    expect(ai.textRequests[2]?.system).toBe("You are a PMP-certified project manager helping Ada.");
  });

  it("an expert without a model leaves each step's own, and a later expert takes over", async () => {
    const two = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        { id: "a", type: "expert-handoff", data: { name: "A", systemPrompt: "You are A.", model: "" } },
        { id: "b", type: "expert-handoff", data: { name: "B", systemPrompt: "You are B.", model: "openai:o3" } },
        { id: "step", type: "ai-step", data: { model: "", systemPrompt: "" } },
      ],
      edges: ["start -> a", "a -> b", "b -> step"],
    });
    const ai = new FakeAi().text("x");
    const chat = new Conversation(two, fakePorts({ ai }));
    const events = await chat.start();
    expect(events.filter((e) => e.type === "expert-change")).toEqual([
      { type: "expert-change", nodeId: "a", expert: { name: "A" } },
      { type: "expert-change", nodeId: "b", expert: { name: "B", model: "openai:o3" } },
    ]);
    expect(ai.textRequests[0]).toMatchObject({ system: "You are B.", modelPreference: { model: "openai:o3" } });
    expect(chat.state.expert).toEqual({ nodeId: "b", name: "B" });
  });

  it("a restart forgets the expert", async () => {
    const chat = new Conversation(flow, fakePorts({ ai: new FakeAi().text("a").text("b") }));
    await chat.start();
    const waitingFlow = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        { id: "ask", type: "quick-reply", data: { prompt: "?", options: [{ id: "a", label: "A" }] } },
      ],
      edges: ["start -> ask"],
    });
    const fresh = new Conversation(waitingFlow, chat.ports, chat.state);
    await fresh.restart();
    expect(fresh.state.expert).toBeNull();
  });

  it("describes itself", () => {
    const data = expertHandoffNode.schema.parse(EXPERT);
    expect(expertHandoffNode.outputs(data)).toEqual([{ id: "next", label: "Next" }]);
    expect(expertHandoffNode.references(data).reads).toEqual(["name"]);
    expect(expertHandoffNode.schema.safeParse({ ...EXPERT, systemPrompt: "" }).success).toBe(false);
  });
});
