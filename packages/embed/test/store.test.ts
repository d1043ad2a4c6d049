import { describe, expect, it } from "vitest";
import { type Action, initialState, isTyping, reduce, type State } from "../src/store.ts";
import type { Chunk, TurnInput } from "../src/types.ts";

const run = (actions: Action[], from: State = initialState()) => actions.reduce(reduce, from);
const chunks = (...list: Chunk[]): Action[] => list.map((chunk) => ({ type: "chunk", chunk }));
const send = (input: TurnInput, text?: string): Action => ({ type: "send", input, text });

const choices = { nodeId: "n1", prompt: "Pick one", options: [{ id: "a", label: "A" }], allowFreeText: false };
const field = { name: "email", label: "Email", type: "email" as const, required: true };

describe("reduce", () => {
  it("joins text deltas into one bot message per text part, and tracks the status", () => {
    let s = run([send({ type: "start" })]);
    expect(s.status).toBe("submitted");
    expect(s.messages).toEqual([]);
    expect(isTyping(s)).toBe(true);
    s = run(
      chunks({ type: "start" }, { type: "text-start", id: "t" }, { type: "text-delta", id: "t", delta: "Hel" }),
      s,
    );
    expect(s.status).toBe("streaming");
    expect(isTyping(s)).toBe(false);
    s = run(
      [
        ...chunks(
          { type: "text-delta", id: "t", delta: "lo" },
          { type: "text-end", id: "t" },
          { type: "text-start", id: "u" },
          { type: "text-delta", id: "u", delta: "Second" },
          { type: "text-end", id: "u" },
          { type: "data-conversation", data: { conversationId: "c1" } },
          { type: "finish" },
        ),
        { type: "done" },
      ],
      s,
    );
    expect(s.messages.map((m) => [m.role, m.text, !!m.streaming])).toEqual([
      ["bot", "Hello", false],
      ["bot", "Second", false],
    ]);
    expect(s.conversationId).toBe("c1");
    expect(s.status).toBe("idle");
    expect(isTyping(s)).toBe(false);
  });

  it("keeps messages of different turns apart even when the stream reuses part ids", () => {
    const turn = (text: string) =>
      chunks(
        { type: "text-start", id: "0" },
        { type: "text-delta", id: "0", delta: text },
        { type: "text-end", id: "0" },
      );
    const s = run([
      send({ type: "start" }),
      ...turn("Hi"),
      { type: "done" },
      send({ type: "text", text: "yo" }, "yo"),
      ...turn("Again"),
      { type: "done" },
    ]);
    expect(s.messages.map((m) => `${m.role}:${m.text}`)).toEqual(["bot:Hi", "user:yo", "bot:Again"]);
  });

  it("shows choices (and their prompt once), clears them on the next send", () => {
    let s = run([send({ type: "start" }), ...chunks({ type: "data-choices", data: choices }), { type: "done" }]);
    expect(s.choices).toEqual(choices);
    expect(s.messages.map((m) => m.text)).toEqual(["Pick one"]);
    // Said already in this turn: not repeated.
    s = run([
      send({ type: "start" }),
      ...chunks(
        { type: "text-start", id: "t" },
        { type: "text-delta", id: "t", delta: "Pick one" },
        { type: "text-end", id: "t" },
        { type: "data-choices", data: choices },
      ),
    ]);
    expect(s.messages.map((m) => m.text)).toEqual(["Pick one"]);
    s = run([{ type: "done" }, send({ type: "choice", optionId: "a" }, "A")], s);
    expect(s.choices).toBeNull();
    expect(s.last).toEqual({ type: "choice", optionId: "a" });
    expect(s.messages.at(-1)).toMatchObject({ role: "user", text: "A" });
    // No options: nothing to show.
    s = run(chunks({ type: "data-choices", data: { ...choices, options: [] } }), s);
    expect(s.choices).toBeNull();
  });

  it("collects input requests by field name, with the server's error", () => {
    const s = run([
      send({ type: "start" }),
      ...chunks(
        { type: "data-input", data: { nodeId: "n", field } },
        { type: "data-input", data: { nodeId: "n", field: { ...field, name: "age", type: "number" } } },
        { type: "data-input", data: { nodeId: "n", field, error: "Please enter a valid email address." } },
      ),
    ]);
    expect(s.inputs.map((i) => [i.field.name, i.error])).toEqual([
      ["age", undefined],
      ["email", "Please enter a valid email address."],
    ]);
    expect(run([{ type: "done" }, send({ type: "form", values: { email: "a@b.co" } }, "a@b.co")], s).inputs).toEqual(
      [],
    );
  });

  it("records errors (stream, data-error, refused request) and keeps the input for retry", () => {
    let s = run([
      send({ type: "text", text: "hi" }, "hi"),
      ...chunks({ type: "data-error", data: { code: "ai-failed", message: "No answer." } }),
    ]);
    expect(s.error).toEqual({ code: "ai-failed", message: "No answer." });
    s = run(chunks({ type: "error", errorText: "Boom" }), s);
    expect(s.error).toEqual({ code: "stream", message: "Boom" });
    s = run([{ type: "fail", error: { code: "rate-limited", message: "Slow down" } }], s);
    expect(s).toMatchObject({ status: "idle", error: { code: "rate-limited" }, last: { type: "text", text: "hi" } });
    // Retry: no second user bubble, error cleared.
    s = run([{ type: "send", input: s.last as TurnInput, retry: true }], s);
    expect(s.error).toBeNull();
    expect(s.messages.filter((m) => m.role === "user")).toHaveLength(1);
  });

  it("ends: no choices or inputs any more; a start clears the end", () => {
    let s = run([
      send({ type: "start" }),
      ...chunks(
        { type: "data-choices", data: choices },
        { type: "data-handoff", data: { message: "A person will answer." } },
        { type: "data-end", data: { reason: "handoff" } },
      ),
      { type: "done" },
    ]);
    expect(s).toMatchObject({ ended: "handoff", choices: null, inputs: [] });
    expect(s.messages.at(-1)).toMatchObject({ role: "note", text: "A person will answer." });
    s = run([send({ type: "start" })], s);
    expect(s.ended).toBeNull();
    expect(run([{ type: "reset" }], s)).toEqual(initialState());
  });

  it("labels messages with the expert who speaks", () => {
    const s = run([
      send({ type: "start" }),
      ...chunks(
        { type: "data-expert", data: { name: "Billing" } },
        { type: "text-start", id: "t" },
        { type: "text-delta", id: "t", delta: "Hi" },
      ),
    ]);
    expect(s.messages[0]).toMatchObject({ expert: "Billing", text: "Hi" });
  });

  it("learns the conversation id from the start/finish metadata too", () => {
    const s = run([send({ type: "start" }), ...chunks({ type: "start", messageMetadata: { conversationId: "c7" } })]);
    expect(s.conversationId).toBe("c7");
  });

  it("ignores unknown chunks", () => {
    const s = run([send({ type: "start" })]);
    expect(run(chunks({ type: "data-trace", data: {} }, { type: "start-step" }), s)).toBe(s);
  });

  it("restores a saved conversation: transcript, and what the last message waits for", () => {
    const s = run([
      { type: "load" },
      {
        type: "restore",
        history: {
          conversationId: "c9",
          status: "active",
          messages: [
            { id: "m0", role: "user", parts: [] },
            {
              id: "m1",
              role: "assistant",
              parts: [
                { type: "data-conversation", data: { conversationId: "c9" } },
                { type: "text", text: "Welcome!" },
                { type: "data-error", data: { code: "old", message: "Old error" } },
                { type: "data-choices", data: { ...choices, prompt: "Welcome!" } },
              ],
            },
            { id: "m2", role: "user", parts: [{ type: "text", text: "A" }] },
            {
              id: "m3",
              role: "assistant",
              parts: [
                { type: "text", text: "Your email?", expert: "Sales" },
                { type: "data-input", data: { nodeId: "n", field } },
              ],
            },
          ],
        },
      },
    ]);
    expect(s.conversationId).toBe("c9");
    expect(s.status).toBe("idle");
    expect(s.messages.map((m) => [m.role, m.text, m.expert])).toEqual([
      ["bot", "Welcome!", undefined],
      ["user", "A", undefined],
      ["bot", "Your email?", "Sales"],
    ]);
    expect(s.choices).toBeNull();
    expect(s.error).toBeNull();
    expect(s.inputs.map((i) => i.field.name)).toEqual(["email"]);
    expect(new Set(s.messages.map((m) => m.id)).size).toBe(3);
  });

  it("restores an ended conversation as ended", () => {
    const s = run([
      {
        type: "restore",
        history: {
          conversationId: "c",
          status: "ended",
          messages: [
            {
              id: "m",
              role: "assistant",
              parts: [
                { type: "text", text: "Bye" },
                { type: "data-choices", data: choices },
              ],
            },
          ],
        },
      },
    ]);
    expect(s).toMatchObject({ ended: "ended", choices: null });
  });
});
