import { describe, expect, it } from "vitest";
import {
  buildTurnRequestBody,
  findConversationId,
  lastTurnInput,
  turnInputOf,
  userMessageFor,
} from "./request-body.ts";
import type { PixelUIMessage } from "./types.ts";

const user = (id: string, over: Partial<PixelUIMessage> = {}): PixelUIMessage => ({
  id,
  role: "user",
  parts: [],
  ...over,
});
const bot = (id: string, parts: PixelUIMessage["parts"], metadata?: PixelUIMessage["metadata"]): PixelUIMessage => ({
  id,
  role: "assistant",
  parts,
  ...(metadata ? { metadata } : {}),
});

describe("userMessageFor", () => {
  it("shows typed text and keeps the input in the metadata", () => {
    expect(userMessageFor({ type: "text", text: "hi" })).toEqual({
      parts: [{ type: "text", text: "hi" }],
      metadata: { input: { type: "text", text: "hi" } },
    });
  });

  it("hides inputs without display text (start, restart, unlabelled choices)", () => {
    expect(userMessageFor({ type: "start" })).toEqual({
      parts: [],
      metadata: { input: { type: "start" }, hidden: true },
    });
    expect(userMessageFor({ type: "choice", optionId: "yes" }).metadata.hidden).toBe(true);
    expect(userMessageFor({ type: "form", values: { a: null } }, "  ").metadata.hidden).toBe(true);
  });

  it("shows the display text given for a choice or a form", () => {
    const message = userMessageFor({ type: "choice", optionId: "yes" }, "Yes please");
    expect(message.parts).toEqual([{ type: "text", text: "Yes please" }]);
    expect(message.metadata).toEqual({ input: { type: "choice", optionId: "yes" } });
  });
});

describe("turn inputs", () => {
  it("reads the input from the metadata, else the text of the message", () => {
    const choice = user("1", {
      metadata: { input: { type: "choice", optionId: "a" } },
      parts: [{ type: "text", text: "A" }],
    });
    expect(turnInputOf(choice)).toEqual({ type: "choice", optionId: "a" });
    expect(turnInputOf(user("2", { parts: [{ type: "text", text: "typed" }] }))).toEqual({
      type: "text",
      text: "typed",
    });
    expect(turnInputOf(user("3"))).toBeNull();
    expect(turnInputOf(bot("4", [{ type: "text", text: "bot" }]))).toBeNull();
  });

  it("takes the last user message, skipping the answers after it", () => {
    const messages = [
      user("1", { metadata: { input: { type: "start" }, hidden: true } }),
      bot("2", [{ type: "text", text: "Hello" }]),
      user("3", { metadata: { input: { type: "text", text: "hi" } }, parts: [{ type: "text", text: "hi" }] }),
      bot("4", [{ type: "data-error", data: { code: "internal", message: "boom" } }]),
    ];
    expect(lastTurnInput(messages)).toEqual({ type: "text", text: "hi" });
    expect(lastTurnInput([])).toBeNull();
  });
});

describe("buildTurnRequestBody", () => {
  const messages = [user("1", { metadata: { input: { type: "restart" }, hidden: true } })];

  it("sends the input and the conversation id, not the messages", () => {
    expect(buildTurnRequestBody({ messages, conversationId: "c1", extraBody: { botId: "b1" } })).toEqual({
      botId: "b1",
      conversationId: "c1",
      input: { type: "restart" },
    });
  });

  it("leaves the conversation id out until it is known", () => {
    expect(buildTurnRequestBody({ messages })).toEqual({ input: { type: "restart" } });
  });

  it("does not let the extra body replace the input or a known conversation", () => {
    const body = buildTurnRequestBody({
      messages,
      conversationId: "c1",
      extraBody: { input: { type: "start" }, conversationId: "other", trace: true },
    });
    expect(body).toEqual({ input: { type: "restart" }, conversationId: "c1", trace: true });
    expect(buildTurnRequestBody({ messages, extraBody: { conversationId: "given" } }).conversationId).toBe("given");
  });

  it("refuses to send without a user input", () => {
    expect(() => buildTurnRequestBody({ messages: [] })).toThrow();
  });
});

describe("findConversationId", () => {
  it("prefers the newest data-conversation part or metadata", () => {
    expect(findConversationId([])).toBeUndefined();
    expect(
      findConversationId([
        bot("1", [{ type: "data-conversation", data: { conversationId: "old" } }]),
        user("2"),
        bot("3", [{ type: "text", text: "hi" }], { conversationId: "new" }),
      ]),
    ).toBe("new");
    expect(
      findConversationId([
        bot("1", [{ type: "data-conversation", data: { conversationId: "from-part" } }], { conversationId: "meta" }),
      ]),
    ).toBe("from-part");
  });
});
