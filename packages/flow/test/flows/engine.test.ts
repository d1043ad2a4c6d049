import { describe, expect, it } from "vitest";
import { PATH_LIMIT } from "../../src/engine/state.ts";
import {
  type FlowEvent,
  type FlowState,
  initialState,
  matchGlobalAction,
  runTurn,
  streamTurn,
} from "../../src/index.ts";
import {
  buildFlow,
  Conversation,
  chain,
  deepFreeze,
  FakeAi,
  fakePorts,
  messages,
  ofType,
  roundTrip,
  single,
  types,
} from "../helpers/index.ts";

/** A menu that waits, with answers reachable by global actions. */
const menuFlow = buildFlow({
  nodes: [
    { id: "start", type: "start" },
    { id: "hi", type: "message", data: { text: "Welcome" } },
    {
      id: "form",
      type: "collect-data",
      data: {
        fields: [
          { name: "email", label: "Email?", type: "email" },
          { name: "city", label: "City?", type: "text" },
        ],
      },
    },
    { id: "done", type: "end", data: { message: "Thanks" } },
    { id: "pricing", type: "message", data: { text: "Our prices" } },
    { id: "resume", type: "message", data: { text: "About your CV" } },
    { id: "human", type: "human-handoff", data: { message: "Connecting you" } },
  ],
  edges: [...chain("start", "hi", "form", "done"), "pricing -> form"],
  globalActions: [
    { id: "restart", trigger: { kind: "keyword", keywords: ["restart", "begin again"] }, target: "start" },
    { id: "cv", trigger: { kind: "keyword", keywords: ["résumé"] }, target: "resume" },
    { id: "human", trigger: { kind: "keyword", keywords: ["help", "talk to a person"] }, target: "human" },
    {
      id: "prices",
      trigger: { kind: "intent", examples: ["how much does it cost", "what are your prices"] },
      target: "pricing",
    },
  ],
});

async function waitingInForm() {
  const chat = new Conversation(menuFlow);
  await chat.start();
  return chat;
}

describe("global actions", () => {
  it.each([
    ["HELP!", "human"],
    ["can you help me", "human"],
    ["I'd like to talk to a person, please", "human"],
    ["Where is my RESUME?", "cv"],
    ["my résumé", "cv"],
    ["Résumé", "cv"],
    ["let's begin   again", "restart"],
  ])("%j triggers %s by keyword", (message, id) => {
    expect(matchGlobalAction(menuFlow.globalActions, message)?.id).toBe(id);
  });

  it.each(["helpful tips", "helper", "presume", "talk to a personal trainer", "", "   "])(
    "%j triggers nothing: keywords match whole words only",
    (message) => {
      expect(matchGlobalAction(menuFlow.globalActions, message)).toBeNull();
    },
  );

  it.each([
    ["How much does it cost?", true],
    ["what are the prices", true],
    ["how much", false],
    ["cost", false],
  ])("%j matches an intent example: %s", (message, matches) => {
    expect(matchGlobalAction(menuFlow.globalActions, message)?.id === "prices").toBe(matches);
  });

  it("the first matching action wins, in the flow's order", () => {
    expect(matchGlobalAction(menuFlow.globalActions, "restart, I need help")?.id).toBe("restart");
  });

  it("jumps from a waiting question, abandoning it", async () => {
    const chat = await waitingInForm();
    const events = await chat.say("how much does it cost?");
    expect(messages(events)).toEqual(["Our prices"]);
    // pricing leads back into the form, which asks its first question again.
    expect(single(events, "input-request").field.name).toBe("email");
    expect(chat.state.waiting).toEqual({ nodeId: "form", data: { field: 0, attempts: 0 } });
    expect(chat.vars.email).toBeUndefined();
  });

  it("a keyword answer is not taken as the answer to the question", async () => {
    const chat = await waitingInForm();
    await chat.say("my résumé");
    expect(chat.state.status).toBe("ended");
    expect(chat.vars.email).toBeUndefined();
  });

  it("a restart action starts over like a restart: defaults, no expert, no waiting", async () => {
    const chat = await waitingInForm();
    await chat.say("ada@example.com");
    expect(chat.vars.email).toBe("ada@example.com");
    const events = await chat.say("restart");
    expect(types(events)).toEqual(["message", "input-request"]);
    expect(chat.vars).toEqual({ last_message: "restart" });
    expect(chat.state.path).toEqual(["start", "hi", "form"]);
  });

  it("the first message of a conversation starts it, even if it contains a keyword", async () => {
    const chat = new Conversation(menuFlow);
    expect(messages(await chat.say("help"))).toEqual(["Welcome"]);
  });

  it("buttons and forms never trigger actions", async () => {
    const chat = await waitingInForm();
    const events = await chat.submit({ email: "help@example.com", city: "help" });
    expect(messages(events)).toEqual(["Thanks"]);
  });
});

describe("engine", () => {
  it("an unconnected output ends the conversation with reason dead-end", async () => {
    const flow = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        { id: "hi", type: "message", data: { text: "Hi" } },
      ],
      edges: ["start -> hi"],
    });
    const chat = new Conversation(flow);
    const events = await chat.start();
    expect(events.at(-1)).toEqual({ type: "end", nodeId: "hi", reason: "dead-end" });
    expect(chat.state).toMatchObject({ status: "ended", waiting: null });
    expect(single(await chat.say("more?"), "error").code).toBe("conversation-ended");
  });

  it("a runaway loop stops with one step-budget error and applies nothing of the turn", async () => {
    const flow = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        {
          id: "ask",
          type: "quick-reply",
          data: { prompt: "Loop?", options: [{ id: "yes", label: "Yes" }], allowFreeText: false, variable: "answer" },
        },
        {
          id: "count",
          type: "set-variable",
          data: { assignments: [{ variable: "n", mode: "expression", value: "n + 1" }] },
        },
        { id: "say", type: "message", data: { text: "n = {{n}}" } },
      ],
      edges: ["start -> ask", "ask:yes -> count", "count -> say", "say -> count"],
      variables: [{ name: "n", type: "number", default: 0 }],
      settings: { stepBudget: 25 },
    });
    const chat = new Conversation(flow);
    await chat.start();
    const before = chat.state;
    const events = await chat.choose("yes");
    const errors = ofType(events, "error");
    expect(errors).toEqual([
      { type: "error", code: "step-budget-exceeded", message: expect.stringMatching(/25 steps/) },
    ]);
    expect(events.at(-1)).toBe(errors[0]);
    // Messages and variables were emitted as they ran, but the state is the one before the turn.
    expect(ofType(events, "message")).toHaveLength(12);
    expect(chat.state).toEqual({ ...before, turns: before.turns + 1 });
    expect(chat.vars).toEqual({ n: 0 });
    // The conversation still waits at the question.
    expect(chat.state.waiting?.nodeId).toBe("ask");
  });

  it("reports a conversation waiting at a node that no longer exists", async () => {
    const chat = await waitingInForm();
    const state: FlowState = { ...chat.state, waiting: { nodeId: "deleted", data: {} } };
    const result = await runTurn({ flow: menuFlow, state, input: { type: "text", text: "x" }, ports: fakePorts() });
    expect(single(result.events, "error").code).toBe("unknown-node");
    expect(result.state).toEqual({ ...state, turns: state.turns + 1 });
  });

  it("does not modify the state it is given", async () => {
    const ai = new FakeAi().text("a").text("b");
    const flow = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        {
          id: "form",
          type: "collect-data",
          data: {
            fields: [
              { name: "a", label: "A", type: "text" },
              { name: "b", label: "B", type: "text" },
            ],
          },
        },
        { id: "x", type: "expert-handoff", data: { name: "X", systemPrompt: "You are X.", model: "" } },
        { id: "ai", type: "ai-step", data: { model: "m", mode: "chat", saveTo: "said" } },
      ],
      edges: chain("start", "form", "x", "ai"),
    });
    const chat = new Conversation(flow, fakePorts({ ai }));
    await chat.start();
    for (const text of ["one", "two", "three"]) {
      const state = deepFreeze(roundTrip(chat.state));
      const copy = structuredClone(state);
      const result = await runTurn({ flow, state, input: { type: "text", text }, ports: chat.ports });
      expect(state).toEqual(copy);
      expect(result.state).not.toBe(state);
      chat.state = result.state;
    }
    expect(chat.state).toMatchObject({ vars: { a: "one", b: "two", said: "b" }, expert: { name: "X" } });
  });

  it("streamTurn yields the events runTurn returns, then returns the state", async () => {
    const flow = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        { id: "hi", type: "message", data: { text: "Hi" } },
        { id: "ai", type: "ai-step", data: { model: "m", saveTo: "answer" } },
        { id: "ask", type: "quick-reply", data: { prompt: "More?", options: [{ id: "y", label: "Yes" }] } },
      ],
      edges: chain("start", "hi", "ai", "ask"),
    });
    const script = { chunks: ["One ", "two ", "three"] };
    const expected = await runTurn({
      flow,
      state: initialState(),
      input: { type: "start" },
      ports: fakePorts({ ai: new FakeAi().text(script) }),
    });
    const stream = streamTurn({
      flow,
      state: initialState(),
      input: { type: "start" },
      ports: fakePorts({ ai: new FakeAi().text(script) }),
    });
    const streamed: FlowEvent[] = [];
    let next = await stream.next();
    while (!next.done) {
      streamed.push(next.value);
      next = await stream.next();
    }
    expect(streamed).toEqual(expected.events);
    expect(next.value).toEqual(expected.state);
    expect(types(streamed)).toEqual([
      "message",
      "text-start",
      "text-delta",
      "text-delta",
      "text-delta",
      "text-end",
      "variables-set",
      "choices",
    ]);
  });

  it("streamTurn hands over each event as it happens, before the turn is over", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const flow = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        { id: "ai", type: "ai-step", data: { model: "m" } },
      ],
      edges: ["start -> ai"],
    });
    const ai = {
      async *streamText() {
        yield { type: "delta" as const, text: "first" };
        await gate;
        yield { type: "delta" as const, text: " second" };
      },
      generateObject: () => Promise.reject(new Error("unused")),
    };
    const stream = streamTurn({ flow, state: initialState(), input: { type: "start" }, ports: fakePorts({ ai }) });
    expect((await stream.next()).value).toMatchObject({ type: "text-start" });
    expect((await stream.next()).value).toMatchObject({ type: "text-delta", delta: "first" });
    release();
    const rest: string[] = [];
    for (let next = await stream.next(); !next.done; next = await stream.next()) rest.push(next.value.type);
    expect(rest).toEqual(["text-delta", "text-end", "end"]);
  });

  it("streamTurn returns the unchanged state when the turn fails", async () => {
    const chat = await waitingInForm();
    await chat.say("my résumé");
    const state = chat.state;
    const stream = streamTurn({ flow: menuFlow, state, input: { type: "text", text: "hello" }, ports: fakePorts() });
    const events: FlowEvent[] = [];
    let next = await stream.next();
    for (; !next.done; next = await stream.next()) events.push(next.value);
    expect(types(events)).toEqual(["error"]);
    expect(next.value).toEqual({ ...state, turns: state.turns + 1 });
  });

  it("keeps only the last PATH_LIMIT visits, within a turn and across turns", async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `m${i}`);
    const flow = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        ...ids.map((id) => ({ id, type: "message" as const, data: { text: id } })),
        {
          id: "ask",
          type: "quick-reply",
          data: { prompt: "Again?", options: [{ id: "again", label: "Again" }], allowFreeText: false },
        },
        { id: "back", type: "jump", data: { targetNodeId: "m0" } },
      ],
      edges: [...chain("start", ...ids, "ask"), "ask:again -> back"],
    });
    const chat = new Conversation(flow);
    await chat.start();
    expect(chat.state.path).toHaveLength(PATH_LIMIT);
    expect(chat.state.path).toEqual([...ids.slice(-(PATH_LIMIT - 1)), "ask"]);
    expect(chat.state.steps).toBe(122);
    for (let i = 0; i < 3; i++) await chat.choose("again");
    expect(chat.state.path).toHaveLength(PATH_LIMIT);
    expect(chat.state.path.at(-1)).toBe("ask");
    expect(chat.state.steps).toBe(122 + 3 * 122);
    expect(chat.state.turns).toBe(4);
  });

  it("state round-trips through JSON between turns", async () => {
    const chat = await waitingInForm();
    await chat.say("ada@example.com");
    expect(JSON.parse(JSON.stringify(chat.state))).toEqual(chat.state);
    expect(chat.state).toMatchObject({ v: 1, status: "waiting", waiting: { nodeId: "form", data: { field: 1 } } });
  });
});
