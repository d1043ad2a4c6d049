import { describe, expect, it } from "vitest";
import { buildFlow, Conversation, messages, ofType, single, types } from "../../../test/helpers/index.ts";
import type { FlowEvent } from "../../index.ts";
import { collectDataNode } from "./node.ts";

type Field = Record<string, unknown> & { name: string };

function collect(fields: Field[], extra: Record<string, unknown> = {}) {
  return buildFlow({
    nodes: [
      { id: "start", type: "start" },
      { id: "form", type: "collect-data", data: { fields, ...extra } },
      { id: "done", type: "end", data: { message: "Done" } },
    ],
    edges: ["start -> form", "form -> done"],
    variables: [{ name: "who", default: "Ada" }],
  });
}

const field = (f: Field) => ({ label: f.name, type: "text", required: true, ...f });

async function asked(fields: Field[], extra: Record<string, unknown> = {}) {
  const chat = new Conversation(collect(fields.map(field), extra));
  const events = await chat.start();
  return { chat, events };
}

const request = (events: FlowEvent[]) => single(events, "input-request");

describe("collect-data node, one question at a time", () => {
  const fields = [
    { name: "full_name", label: "Your name?", type: "text" },
    { name: "email", label: "Your email?", type: "email", placeholder: "you@example.com" },
    { name: "age", label: "Your age?", type: "number", min: 18, max: 120 },
  ];

  it("says its intro, asks each field in turn, saves each answer and continues", async () => {
    const { chat, events } = await asked(fields, { intro: "A few questions, {{who}}." });
    expect(events).toEqual([
      { type: "message", nodeId: "form", text: "A few questions, Ada.", typingDelayMs: 0 },
      {
        type: "input-request",
        nodeId: "form",
        field: { name: "full_name", label: "Your name?", type: "text", required: true },
      },
    ]);
    expect(chat.state.waiting).toEqual({ nodeId: "form", data: { field: 0, attempts: 0 } });

    let turn = await chat.say("  Ada Lovelace ");
    expect(types(turn)).toEqual(["variables-set", "input-request"]);
    expect(single(turn, "variables-set").values).toEqual({ full_name: "Ada Lovelace" });
    expect(request(turn).field).toEqual({
      name: "email",
      label: "Your email?",
      type: "email",
      required: true,
      placeholder: "you@example.com",
    });
    expect(chat.state.waiting).toEqual({ nodeId: "form", data: { field: 1, attempts: 0 } });

    turn = await chat.say("Ada@Example.com");
    expect(single(turn, "variables-set").values).toEqual({ email: "ada@example.com" });
    expect(request(turn).field.name).toBe("age");

    turn = await chat.say("36");
    expect(types(turn)).toEqual(["variables-set", "message", "end"]);
    expect(messages(turn)).toEqual(["Done"]);
    expect(chat.vars).toMatchObject({ full_name: "Ada Lovelace", email: "ada@example.com", age: 36 });
  });

  it("re-asks the same field with the error, counting attempts, until the answer is valid", async () => {
    const { chat } = await asked(fields);
    await chat.say("Ada");
    let turn = await chat.say("not-an-email");
    expect(turn).toEqual([
      {
        type: "input-request",
        nodeId: "form",
        field: expect.objectContaining({ name: "email" }),
        error: "Please enter a valid email address.",
      },
    ]);
    expect(chat.state.waiting).toEqual({ nodeId: "form", data: { field: 1, attempts: 1 } });
    turn = await chat.say("still@bad");
    expect(request(turn).error).toBe("Please enter a valid email address.");
    expect(chat.state.waiting?.data).toEqual({ field: 1, attempts: 2 });
    expect(chat.vars.email).toBeUndefined();
    turn = await chat.say("ada@example.com");
    expect(request(turn).field.name).toBe("age");
    expect(request(turn)).not.toHaveProperty("error");
    expect(chat.state.waiting?.data).toEqual({ field: 2, attempts: 0 });
  });

  it.each([
    // [field, answer, expected error or stored value]
    [{ type: "text" }, "", { error: "Q is required." }],
    [{ type: "text" }, "x".repeat(2_001), { error: "Q is too long (2,000 characters at most)." }],
    [{ type: "text" }, "  ok  ", { value: "ok" }],
    [{ type: "email" }, "ada@example", { error: "Please enter a valid email address." }],
    [{ type: "email" }, "ada @example.com", { error: "Please enter a valid email address." }],
    [{ type: "email" }, "ADA@Example.COM", { value: "ada@example.com" }],
    [{ type: "phone" }, "12345", { error: "Please enter a valid phone number." }],
    [{ type: "phone" }, "call me maybe", { error: "Please enter a valid phone number." }],
    [{ type: "phone" }, "+44 (20) 7946-0958", { value: "+44 (20) 7946-0958" }],
    [{ type: "number", min: 1, max: 10 }, "lots", { error: "Q must be a number." }],
    [{ type: "number", min: 1, max: 10 }, "0", { error: "Q must be at least 1." }],
    [{ type: "number", min: 1, max: 10 }, "10.5", { error: "Q must be at most 10." }],
    [{ type: "number", min: 1, max: 10 }, "7", { value: 7 }],
    [{ type: "number" }, "1,250", { value: 1250 }],
    [{ type: "number" }, "-3.5", { value: -3.5 }],
    [{ type: "date" }, "someday", { error: "Please enter a date, e.g. 2026-12-31." }],
    [{ type: "date" }, "2026-02-30", { error: "Please enter a date, e.g. 2026-12-31." }],
    [{ type: "date" }, "2026-13-01", { error: "Please enter a date, e.g. 2026-12-31." }],
    [{ type: "date" }, "5", { error: "Please enter a date, e.g. 2026-12-31." }],
    [{ type: "date" }, "February 30, 2026", { error: "Please enter a date, e.g. 2026-12-31." }],
    [{ type: "date" }, "2026-12-31", { value: "2026-12-31" }],
    [{ type: "date" }, "March 3, 2026", { value: "2026-03-03" }],
    [{ type: "date" }, "12/31/2026", { value: "2026-12-31" }],
    [{ type: "select", options: ["Red", "Green"] }, "Blue", { error: "Please choose one of: Red, Green." }],
    [{ type: "select", options: ["Red", "Green"] }, "3", { error: "Please choose one of: Red, Green." }],
    [{ type: "select", options: ["Red", "Green"] }, "green", { value: "Green" }],
    [{ type: "select", options: ["Red", "Green"] }, "1", { value: "Red" }],
    [{ type: "number", errorMessage: "Digits only, please." }, "ten", { error: "Digits only, please." }],
  ])("%j answered %j → %j", async (spec, answer, expected) => {
    const { chat } = await asked([{ name: "q", label: "Q", ...spec }]);
    const turn = await chat.say(answer);
    if ("error" in expected) {
      expect(request(turn)).toMatchObject({ field: { name: "q" }, error: expected.error });
      expect(chat.state.waiting).toEqual({ nodeId: "form", data: { field: 0, attempts: 1 } });
    } else {
      expect(single(turn, "variables-set").values).toEqual({ q: expected.value });
      expect(chat.state.status).toBe("ended");
    }
  });

  it("keeps the typed day whatever the server's time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Tokyo";
    try {
      for (const typed of ["12/31/2026", "December 31, 2026", "2026-12-31"]) {
        const { chat } = await asked([{ name: "due", label: "Due", type: "date" }]);
        expect(single(await chat.say(typed), "variables-set").values).toEqual({ due: "2026-12-31" });
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("stores null for an optional field left empty and moves on", async () => {
    const { chat } = await asked([
      { name: "nickname", type: "text", required: false },
      { name: "phone", type: "phone", required: false },
      { name: "city", type: "text" },
    ]);
    let turn = await chat.say("");
    expect(single(turn, "variables-set").values).toEqual({ nickname: null });
    turn = await chat.say("   ");
    expect(single(turn, "variables-set").values).toEqual({ phone: null });
    expect(request(turn).field.name).toBe("city");
    turn = await chat.say("");
    expect(request(turn).error).toBe("city is required.");
  });

  it("takes a clicked option as the answer", async () => {
    const { chat } = await asked([{ name: "colour", type: "select", options: ["Red", "Green"] }]);
    expect(single(await chat.choose("Green"), "variables-set").values).toEqual({ colour: "Green" });
  });

  it("fills several fields from one form answer and asks the first one it left out", async () => {
    const { chat } = await asked(fields);
    const turn = await chat.submit({ full_name: "Ada", email: "ada@example.com" });
    expect(ofType(turn, "variables-set").map((e) => e.values)).toEqual([
      { full_name: "Ada" },
      { email: "ada@example.com" },
    ]);
    expect(request(turn)).toEqual({
      type: "input-request",
      nodeId: "form",
      field: expect.objectContaining({ name: "age" }),
    });
    expect(chat.state.waiting?.data).toEqual({ field: 2, attempts: 0 });
  });

  it("a form answer stops at its first invalid value, keeping the valid ones before it", async () => {
    const { chat } = await asked(fields);
    const turn = await chat.submit({ full_name: "Ada", email: "nope", age: 40 });
    expect(single(turn, "variables-set").values).toEqual({ full_name: "Ada" });
    expect(request(turn)).toMatchObject({ field: { name: "email" }, error: "Please enter a valid email address." });
    const done = await chat.submit({ email: "ada@example.com", age: 40 });
    expect(ofType(done, "variables-set").map((e) => e.values)).toEqual([{ email: "ada@example.com" }, { age: 40 }]);
    expect(messages(done)).toEqual(["Done"]);
  });

  it("a form answer that fills everything continues at once", async () => {
    const { chat } = await asked(fields);
    const turn = await chat.submit({ full_name: "Ada", email: "ada@example.com", age: "41" });
    expect(types(turn)).toEqual(["variables-set", "variables-set", "variables-set", "message", "end"]);
    expect(chat.vars.age).toBe(41);
  });
});

describe("collect-data node, as a form", () => {
  const fields = [
    field({ name: "email", type: "email" }),
    field({ name: "seats", type: "number", min: 1, max: 8 }),
    field({ name: "note", type: "text", required: false }),
  ];
  const flow = collect(fields, { mode: "form", intro: "Book a table" });

  it("asks every field at once and saves them together when all are valid", async () => {
    const chat = new Conversation(flow);
    const events = await chat.start();
    expect(types(events)).toEqual(["message", "input-request", "input-request", "input-request"]);
    expect(ofType(events, "input-request").map((e) => e.field.name)).toEqual(["email", "seats", "note"]);
    expect(chat.state.waiting).toEqual({ nodeId: "form", data: {} });
    const turn = await chat.submit({ email: "A@B.io", seats: 2, note: "" });
    expect(turn[0]).toEqual({
      type: "variables-set",
      nodeId: "form",
      values: { email: "a@b.io", seats: 2, note: null },
    });
    expect(messages(turn)).toEqual(["Done"]);
  });

  it("validates every field and re-asks with the errors only where they are, saving nothing", async () => {
    const chat = new Conversation(flow);
    await chat.start();
    const turn = await chat.submit({ email: "nope", seats: 12, note: "window" });
    expect(ofType(turn, "variables-set")).toEqual([]);
    expect(ofType(turn, "input-request").map((e) => [e.field.name, e.error])).toEqual([
      ["email", "Please enter a valid email address."],
      ["seats", "seats must be at most 8."],
      ["note", undefined],
    ]);
    expect(chat.state.status).toBe("waiting");
    expect(chat.vars.note).toBeUndefined();
    const fixed = await chat.submit({ email: "a@b.io", seats: "8" });
    expect(single(fixed, "variables-set").values).toEqual({ email: "a@b.io", seats: 8, note: null });
  });

  it("asks for the form again when the user types instead", async () => {
    const chat = new Conversation(flow);
    await chat.start();
    const turn = await chat.say("a@b.io");
    expect(ofType(turn, "input-request").map((e) => e.error)).toEqual([
      "Please fill in the form.",
      undefined,
      undefined,
    ]);
    expect(chat.state.status).toBe("waiting");
  });
});

describe("collect-data definition", () => {
  it("rejects selects without options, min above max and duplicate names", () => {
    const parse = (fields: unknown[]) => collectDataNode.schema.safeParse({ fields }).success;
    expect(parse([{ name: "a", label: "A", type: "select" }])).toBe(false);
    expect(parse([{ name: "a", label: "A", type: "number", min: 5, max: 1 }])).toBe(false);
    expect(
      parse([
        { name: "a", label: "A", type: "text" },
        { name: "a", label: "B", type: "text" },
      ]),
    ).toBe(false);
    expect(parse([{ name: "a", label: "A", type: "number", min: 1, max: 5 }])).toBe(true);
  });

  it("writes one variable per field and waits for input", () => {
    const data = collectDataNode.schema.parse({
      intro: "Hi {{who}}",
      fields: [
        { name: "a", label: "A", type: "text" },
        { name: "b", label: "B", type: "email" },
      ],
    });
    expect(collectDataNode.references(data)).toMatchObject({ reads: ["who"], writes: ["a", "b"] });
    expect(collectDataNode.waitsForInput(data)).toBe(true);
  });
});
