import { describe, expect, it } from "vitest";
import { buildChatView } from "./chat-parts-view.ts";
import type { PixelUIMessage } from "./types.ts";

type Parts = PixelUIMessage["parts"];
const user = (id: string, text?: string, hidden = false): PixelUIMessage => ({
  id,
  role: "user",
  parts: text ? [{ type: "text", text }] : [],
  metadata: { input: text ? { type: "text", text } : { type: "start" }, ...(hidden ? { hidden } : {}) },
});
const bot = (id: string, parts: Parts): PixelUIMessage => ({ id, role: "assistant", parts });
const text = (t: string, state?: "streaming" | "done"): Parts[number] => ({
  type: "text",
  text: t,
  ...(state ? { state } : {}),
});
const choices: Parts[number] = {
  type: "data-choices",
  data: { nodeId: "q", prompt: "Pick one", options: [{ id: "a", label: "A" }], allowFreeText: false },
};
const input = (name: string, error?: string): Parts[number] => ({
  type: "data-input",
  data: { nodeId: "f", field: { name, label: name, type: "text", required: true }, ...(error ? { error } : {}) },
});

describe("buildChatView: messages", () => {
  it("hides hidden user messages and parts that are never shown", () => {
    const view = buildChatView(
      [
        user("1", undefined, true),
        bot("2", [
          { type: "data-conversation", data: { conversationId: "c" } },
          { type: "data-trace", data: { kind: "node", nodeId: "n" } },
          text("Hello"),
        ]),
        user("3", "Hi"),
        bot("4", [{ type: "data-conversation", data: { conversationId: "c" } }]),
      ],
      "ready",
    );
    expect(view.messages.map((m) => [m.id, m.blocks.map((b) => b.kind)])).toEqual([
      ["2", ["text"]],
      ["3", ["text"]],
    ]);
  });

  it("labels text after a data-expert with the expert, once per message and on each change", () => {
    const view = buildChatView(
      [
        bot("1", [
          text("Welcome"),
          { type: "data-expert", data: { nodeId: "e", name: "Sales" } },
          text("Hi"),
          text("More"),
        ]),
        user("2", "ok"),
        bot("3", [
          text("Still sales"),
          { type: "data-expert", data: { nodeId: "e2", name: "Support" } },
          text("Now support"),
        ]),
      ],
      "ready",
    );
    const labels = view.messages.flatMap((m) =>
      m.blocks.flatMap((b) => (b.kind === "text" ? [[b.text, b.showExpert ? b.expert : null]] : [])),
    );
    expect(labels).toEqual([
      ["Welcome", null],
      ["Hi", "Sales"],
      ["More", null],
      ["ok", null],
      ["Still sales", "Sales"],
      ["Now support", "Support"],
    ]);
  });

  it("reads the expert of saved text parts", () => {
    const saved = { type: "text", text: "Saved", expert: "Coach" } as Parts[number];
    const [message] = buildChatView([bot("1", [saved])], "ready").messages;
    expect(message?.blocks[0]).toMatchObject({ kind: "text", expert: "Coach", showExpert: true });
  });

  it("shows the choices prompt as the bot's text unless it was already said", () => {
    const shown = buildChatView([bot("1", [choices])], "ready").messages[0]?.blocks;
    expect(shown).toEqual([expect.objectContaining({ kind: "text", text: "Pick one" })]);
    const said = buildChatView([bot("1", [text("Pick one"), choices])], "ready").messages[0]?.blocks;
    expect(said).toHaveLength(1);
  });

  it("keeps handoffs and errors in place; only the last message's error is the latest", () => {
    const view = buildChatView(
      [
        bot("1", [{ type: "data-error", data: { code: "ai-failed", message: "old" } }]),
        user("2", "again"),
        bot("3", [
          text("Passing you on"),
          { type: "data-handoff", data: { nodeId: "h", message: "A person will answer." } },
          { type: "data-error", data: { code: "internal", message: "new" } },
        ]),
      ],
      "ready",
    );
    expect(view.messages[0]?.blocks).toEqual([
      expect.objectContaining({ kind: "error", message: "old", latest: false }),
    ]);
    expect(view.messages[2]?.blocks.map((b) => b.kind)).toEqual(["text", "handoff", "error"]);
    expect(view.messages[2]?.blocks[2]).toMatchObject({ latest: true });
    expect(view.error).toEqual({ code: "internal", message: "new" });
  });
});

describe("buildChatView: what the bot waits for", () => {
  it("offers the last message's choices, disabled by `busy` while it streams", () => {
    const view = buildChatView([bot("1", [text("Q?"), choices])], "streaming");
    expect(view.choices).toEqual({
      nodeId: "q",
      prompt: "Pick one",
      options: [{ id: "a", label: "A" }],
      allowFreeText: false,
    });
    expect(view.busy).toBe(true);
    expect(view.typing).toBe(false);
  });

  it("forgets choices once the user answered", () => {
    const view = buildChatView([bot("1", [choices]), user("2", "A")], "submitted");
    expect(view.choices).toBeNull();
    expect(view.typing).toBe(true);
  });

  it("reads saved choices without allowFreeText and ignores empty ones", () => {
    const saved = { type: "data-choices", data: { prompt: "Q", options: [{ id: "x", label: "X" }] } } as Parts[number];
    expect(buildChatView([bot("1", [saved])], "ready").choices).toMatchObject({ allowFreeText: true });
    const empty = { type: "data-choices", data: { options: [] } } as unknown as Parts[number];
    expect(buildChatView([bot("1", [empty])], "ready").choices).toBeNull();
  });

  it("collects one input per field name, keeping the newest request and its error", () => {
    const view = buildChatView([bot("1", [input("email"), input("seats"), input("email", "Bad email")])], "ready");
    expect(view.inputs.map((i) => [i.field.name, i.error])).toEqual([
      ["email", "Bad email"],
      ["seats", undefined],
    ]);
  });

  it("an ended conversation waits for nothing", () => {
    const view = buildChatView(
      [bot("1", [text("Bye"), choices, input("x"), { type: "data-end", data: { reason: "end-node" } }])],
      "ready",
    );
    expect(view.ended).toEqual({ reason: "end-node" });
    expect(view.choices).toBeNull();
    expect(view.inputs).toEqual([]);
  });
});

describe("buildChatView: typing", () => {
  it("types while submitted and while streaming until text arrives", () => {
    expect(buildChatView([user("1", "hi")], "submitted").typing).toBe(true);
    expect(buildChatView([user("1", "hi"), bot("2", [])], "streaming").typing).toBe(true);
    expect(buildChatView([user("1", "hi"), bot("2", [text("", "streaming")])], "streaming").typing).toBe(true);
    expect(buildChatView([user("1", "hi"), bot("2", [text("He", "streaming")])], "streaming").typing).toBe(false);
    expect(buildChatView([user("1", "hi")], "error").typing).toBe(false);
    expect(buildChatView([user("1", "hi"), bot("2", [])], "ready").typing).toBe(false);
  });

  it("marks the streaming text part", () => {
    const view = buildChatView([bot("1", [text("done", "done"), text("going", "streaming")])], "streaming");
    expect(view.messages[0]?.blocks.map((b) => b.kind === "text" && b.streaming)).toEqual([false, true]);
  });
});
