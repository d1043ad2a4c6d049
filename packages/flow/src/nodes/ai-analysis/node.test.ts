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
import { aiAnalysisNode } from "./node.ts";

const FIELDS = [
  { name: "sentiment", type: "string", description: "How the user feels.", enum: ["positive", "neutral", "negative"] },
  { name: "score", type: "number", description: "0 to 10." },
  { name: "urgent", type: "boolean" },
  { name: "topics", type: "array", description: "Topics mentioned.", variable: "topic_list" },
];

function analysing(extra: Record<string, unknown> = {}, expert?: Record<string, unknown>) {
  return buildFlow({
    nodes: [
      { id: "start", type: "start" },
      ...(expert ? [{ id: "expert", type: "expert-handoff" as const, data: expert }] : []),
      {
        id: "analyse",
        type: "ai-analysis",
        data: {
          model: "openai:gpt-4o-mini",
          instructions: "Analyse this message from {{user.name}}: {{last_message}}",
          fields: FIELDS,
          ...extra,
        },
      },
      { id: "ok", type: "end", data: { message: "{{sentiment}}/{{score}}/{{urgent}}/{{topic_list}}" } },
      { id: "failed", type: "end", data: { message: "analysis failed" } },
    ],
    edges: [
      ...(expert ? ["start -> expert", "expert -> analyse"] : ["start -> analyse"]),
      "analyse -> ok",
      "analyse:error -> failed",
    ],
    variables: [{ name: "user", type: "json", default: { name: "Ada" } }],
  });
}

describe("ai-analysis node", () => {
  it("gives the model the variables collected so far unless told not to", async () => {
    const ai = new FakeAi().object({ sentiment: "positive", score: 7, urgent: false, topics: [] });
    await new Conversation(analysing({}), fakePorts({ ai })).say("I love it");
    const prompt = ai.objectRequests[0]?.prompt ?? "";
    expect(prompt).toContain("Analyse this message from Ada: I love it");
    expect(prompt).toContain('What we know so far (JSON):\n{"user":{"name":"Ada"},"last_message":"I love it"}');
  });

  it("asks for an object whose JSON schema matches the fields", async () => {
    const ai = new FakeAi().object({ sentiment: "positive", score: 7, urgent: false, topics: ["billing"] });
    await new Conversation(
      analysing({ temperature: 0, maxTokens: 300, includeVariables: false }),
      fakePorts({ ai }),
    ).say("I love it");
    expect(ai.objectRequests).toEqual([
      {
        nodeId: "analyse",
        modelPreference: { model: "openai:gpt-4o-mini" },
        system: "",
        prompt: "Analyse this message from Ada: I love it",
        schema: {
          type: "object",
          properties: {
            sentiment: {
              type: "string",
              enum: ["positive", "neutral", "negative"],
              description: "How the user feels.",
            },
            score: { type: "number", description: "0 to 10." },
            urgent: { type: "boolean" },
            topics: { type: "array", items: { type: "string" }, description: "Topics mentioned." },
          },
          required: ["sentiment", "score", "urgent", "topics"],
          additionalProperties: false,
        },
        temperature: 0,
        maxTokens: 300,
      },
    ]);
  });

  it("writes each field to its variable, reports usage, says nothing, continues", async () => {
    const ai = new FakeAi().object({
      object: { sentiment: "neutral", score: 4, urgent: true, topics: ["a", "b"] },
      usage: usage(100, 20),
    });
    const chat = new Conversation(analysing(), fakePorts({ ai }));
    const events = await chat.start();
    expect(types(events)).toEqual(["variables-set", "ai-usage", "message", "end"]);
    expect(single(events, "variables-set")).toEqual({
      type: "variables-set",
      nodeId: "analyse",
      values: { sentiment: "neutral", score: 4, urgent: true, topic_list: ["a", "b"] },
    });
    expect(single(events, "ai-usage")).toEqual({ type: "ai-usage", nodeId: "analyse", usage: usage(100, 20) });
    expect(messages(events)).toEqual(["neutral/4/true/a, b"]);
    expect(chat.vars.topics).toBeUndefined();
  });

  it.each([
    [{ sentiment: 5, score: "7.5 out of 10", urgent: "TRUE", topics: "billing" }, ["5", 7.5, true, ["billing"]]],
    [
      { sentiment: { mood: "ok" }, score: "n/a", urgent: "no", topics: [1, { a: 1 }, "x"] },
      ['{"mood":"ok"}', null, false, ["1", '{"a":1}', "x"]],
    ],
    [{}, [null, null, null, null]],
    [{ sentiment: null, score: null, urgent: null, topics: null }, [null, null, null, null]],
    [{ sentiment: "positive", extra: "ignored" }, ["positive", null, null, null]],
  ])("coerces %j to the declared types", async (object, [sentiment, score, urgent, topics]) => {
    const ai = new FakeAi().object({ object });
    const chat = new Conversation(analysing(), fakePorts({ ai }));
    await chat.start();
    expect(chat.vars).toMatchObject({ sentiment, score, urgent, topic_list: topics });
    expect(chat.vars).not.toHaveProperty("extra");
  });

  it("uses the expert's model and persona when it has no model of its own", async () => {
    const ai = new FakeAi().object({ sentiment: "positive", score: 1, urgent: false, topics: [] });
    const expert = { name: "Analyst", systemPrompt: "You analyse for {{user.name}}.", model: "anthropic:claude-haiku" };
    await new Conversation(analysing({ model: "" }, expert), fakePorts({ ai })).start();
    expect(ai.objectRequests[0]).toMatchObject({
      system: "You analyse for Ada.",
      modelPreference: { model: "anthropic:claude-haiku" },
    });
  });

  it("a model failure reports ai-failed, writes nothing and follows the error output", async () => {
    const ai = new FakeAi().object({ fail: "invalid JSON from model" });
    const chat = new Conversation(analysing(), fakePorts({ ai }));
    const events = await chat.start();
    expect(events[0]).toEqual({
      type: "error",
      nodeId: "analyse",
      code: "ai-failed",
      message: "invalid JSON from model",
    });
    expect(ofType(events, "variables-set")).toEqual([]);
    expect(messages(events)).toEqual(["analysis failed"]);
  });

  it("without an AI port reports ai-unavailable and follows the error output", async () => {
    const events = await new Conversation(analysing()).start();
    expect(events[0]).toMatchObject({ type: "error", code: "ai-unavailable" });
    expect(messages(events)).toEqual(["analysis failed"]);
  });

  it("declares its outputs, reads and writes", () => {
    const data = aiAnalysisNode.schema.parse({ model: "", instructions: "{{a}} {{b.c}}", fields: FIELDS });
    expect(aiAnalysisNode.outputs(data).map((o) => o.id)).toEqual(["next", "error"]);
    expect(aiAnalysisNode.references(data)).toMatchObject({
      reads: ["a", "b"],
      writes: ["sentiment", "score", "urgent", "topic_list"],
    });
    expect(aiAnalysisNode.schema.safeParse({ model: "", instructions: "x", fields: [] }).success).toBe(false);
  });
});
