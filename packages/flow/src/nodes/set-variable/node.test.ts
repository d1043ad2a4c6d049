import { describe, expect, it } from "vitest";
import { buildFlow, Conversation, ofType, single, types } from "../../../test/helpers/index.ts";
import type { JsonValue } from "../../index.ts";
import { assignmentError, setVariableNode } from "./node.ts";

type Assignment = { variable: string; mode?: "literal" | "expression"; value: string };

function setting(assignments: Assignment[], vars: Record<string, JsonValue> = {}) {
  return buildFlow({
    nodes: [
      { id: "start", type: "start" },
      { id: "set", type: "set-variable", data: { assignments } },
      { id: "show", type: "end", data: { message: "{{out}}" } },
    ],
    edges: ["start -> set", "set -> show"],
    variables: Object.entries(vars).map(([name, value]) => ({ name, type: "json" as const, default: value })),
  });
}

async function run(assignments: Assignment[], vars: Record<string, JsonValue> = {}) {
  const chat = new Conversation(setting(assignments, vars));
  const events = await chat.start();
  return { events, vars: chat.vars };
}

describe("set-variable node", () => {
  it("sets literal text with placeholders and continues", async () => {
    const { events, vars } = await run([{ variable: "out", value: "Hello {{name}} ({{plan.tier}}){{missing}}" }], {
      name: "Ada",
      plan: { tier: "gold" },
    });
    expect(events).toEqual([
      { type: "variables-set", nodeId: "set", values: { out: "Hello Ada (gold)" } },
      { type: "message", nodeId: "show", text: "Hello Ada (gold)", typingDelayMs: 0 },
      { type: "end", nodeId: "show", reason: "end-node" },
    ]);
    expect(vars.out).toBe("Hello Ada (gold)");
  });

  it("keeps literal numbers as text (literal mode)", async () => {
    expect((await run([{ variable: "out", value: "42" }])).vars.out).toBe("42");
  });

  it.each([
    ["price * quantity", 6],
    ["price * quantity > 5", true],
    ['if price > 1 then "pricey" else "cheap"', "pricey"],
    ['name + " L."', "Ada L."],
    ["round(7 / 2)", 4],
    ["max(price, quantity, 1)", 3],
    ["price > 1 and quantity < 2", false],
    ['name == "Ada" or price == 0', true],
    ["tier of plan", "gold"],
    ["1 / 0", null],
    ["missing", null],
    ["missing == null", true],
    ["constructor", null],
    ["price.constructor", null],
  ])("evaluates %s", async (expression, expected) => {
    const { events, vars } = await run([{ variable: "out", mode: "expression", value: expression }], {
      price: 2,
      quantity: 3,
      name: "Ada",
      plan: { tier: "gold" },
    });
    expect(ofType(events, "error")).toEqual([]);
    expect(vars.out).toEqual(expected);
  });

  it("sets in order: later assignments see earlier ones", async () => {
    const { events, vars } = await run(
      [
        { variable: "subtotal", mode: "expression", value: "price * quantity" },
        { variable: "total", mode: "expression", value: "subtotal + 1" },
        { variable: "out", value: "Total {{total}} (was {{subtotal}})" },
        { variable: "price", mode: "expression", value: "price * 10" },
        { variable: "after", mode: "expression", value: "price" },
      ],
      { price: 2, quantity: 3 },
    );
    expect(ofType(events, "variables-set").map((e) => e.values)).toEqual([
      { subtotal: 6 },
      { total: 7 },
      { out: "Total 7 (was 6)" },
      { price: 20 },
      { after: 20 },
    ]);
    expect(vars).toMatchObject({ subtotal: 6, total: 7, price: 20, after: 20 });
  });

  it("an invalid expression reports an error, stores null and carries on", async () => {
    const { events, vars } = await run([
      { variable: "bad", mode: "expression", value: "price >" },
      { variable: "out", value: "still here" },
    ]);
    expect(types(events)).toEqual(["error", "variables-set", "variables-set", "message", "end"]);
    const error = single(events, "error");
    expect(error).toMatchObject({ nodeId: "set", code: "node-failed" });
    expect(error.message).toMatch(/^Invalid expression "price >"/);
    expect(vars).toMatchObject({ bad: null, out: "still here" });
  });

  it("a failing expression (wrong types, unknown function) reports an error and stores null", async () => {
    const { events, vars } = await run(
      [
        { variable: "a", mode: "expression", value: "name * 2" },
        { variable: "b", mode: "expression", value: "unknown + 1" },
        { variable: "c", mode: "expression", value: "launch_missiles(1)" },
        { variable: "out", mode: "expression", value: '"ok"' },
      ],
      { name: "Ada" },
    );
    expect(ofType(events, "error").map((e) => e.message)).toEqual([
      expect.stringMatching(/^Expression "name \* 2" failed/),
      expect.stringMatching(/^Expression "unknown \+ 1" failed/),
      expect.stringMatching(/^Expression "launch_missiles\(1\)" failed: Unknown function/),
    ]);
    expect(vars).toMatchObject({ a: null, b: null, c: null, out: "ok" });
  });

  it("flags invalid expressions for validation and lists what it reads and writes", () => {
    expect(assignmentError({ variable: "x", mode: "expression", value: "1 +" })).toMatch(/Parse error/);
    expect(assignmentError({ variable: "x", mode: "expression", value: "1 + 1" })).toBeNull();
    expect(assignmentError({ variable: "x", mode: "literal", value: "1 +" })).toBeNull();
    const data = setVariableNode.schema.parse({
      assignments: [
        { variable: "total", mode: "expression", value: 'if price > 1 then "x" else round(qty)' },
        { variable: "label", value: "{{name}}" },
      ],
    });
    expect(setVariableNode.references(data)).toMatchObject({
      reads: ["price", "qty", "name"],
      writes: ["total", "label"],
    });
    expect(data.assignments[1]?.mode).toBe("literal");
  });
});
