import { describe, expect, it } from "vitest";
import { buildFlow, Conversation, messages, ofType } from "../../../test/helpers/index.ts";
import type { JsonValue } from "../../index.ts";
import { conditionNode } from "./node.ts";

type Branch = { id: string; label?: string; combinator?: "and" | "or"; rules: Record<string, string>[] };

/** start → condition → one message per branch (and "else"), with the variables given as defaults. */
function branching(branches: Branch[], vars: Record<string, JsonValue>, connectElse = true) {
  return buildFlow({
    nodes: [
      { id: "start", type: "start" },
      { id: "cond", type: "condition", data: { branches: branches.map((b) => ({ label: b.id, ...b })) } },
      ...branches.map((b) => ({ id: `to_${b.id}`, type: "end" as const, data: { message: b.id } })),
      { id: "to_else", type: "end", data: { message: "else" } },
    ],
    edges: [
      "start -> cond",
      ...branches.map((b) => `cond:${b.id} -> to_${b.id}`),
      ...(connectElse ? ["cond:else -> to_else"] : []),
    ],
    variables: Object.entries(vars).map(([name, value]) => ({ name, type: "json" as const, default: value })),
  });
}

async function taken(branches: Branch[], vars: Record<string, JsonValue> = {}) {
  const events = await new Conversation(branching(branches, vars)).start();
  return messages(events)[0];
}

const VARS: Record<string, JsonValue> = {
  plan: "Pro",
  score: 8,
  scoreText: "12.5",
  empty: "",
  nothing: null,
  tags: ["vip", "beta"],
  email: "ada@example.com",
  obj: { tier: "gold" },
};

describe("condition node operators", () => {
  it.each([
    ["plan", "equals", "pro", true],
    ["plan", "equals", " PRO ", true],
    ["plan", "equals", "Free", false],
    ["score", "equals", "8", true],
    ["missing", "equals", "", true],
    ["plan", "not_equals", "Free", true],
    ["plan", "not_equals", "pro", false],
    ["email", "contains", "@EXAMPLE", true],
    ["email", "contains", "gmail", false],
    ["tags", "contains", "VIP", true],
    ["tags", "contains", "vi", false],
    ["obj", "contains", "gold", true],
    ["score", "greater_than", "7", true],
    ["score", "greater_than", "8", false],
    ["scoreText", "greater_than", "9", true],
    ["plan", "greater_than", "0", false],
    ["missing", "greater_than", "-1", false],
    ["score", "less_than", "8.5", true],
    ["score", "less_than", "8", false],
    ["scoreText", "less_than", "abc", false],
    ["plan", "is_set", "", true],
    ["tags", "is_set", "", true],
    ["empty", "is_set", "", false],
    ["nothing", "is_set", "", false],
    ["missing", "is_set", "", false],
    ["empty", "is_not_set", "", true],
    ["nothing", "is_not_set", "", true],
    ["missing", "is_not_set", "", true],
    ["plan", "is_not_set", "", false],
    ["email", "matches", "^[a-z]+@example\\.com$", true],
    ["email", "matches", "^ADA@", true],
    ["email", "matches", "^bob@", false],
    ["missing", "matches", "^$", true],
  ])("%s %s %j → %s", async (variable, operator, value, holds) => {
    const branch = { id: "yes", rules: [{ variable, operator, value }] };
    expect(await taken([branch], VARS)).toBe(holds ? "yes" : "else");
  });

  it("a bad regular expression is false, not a crash", async () => {
    const chat = new Conversation(
      branching([{ id: "yes", rules: [{ variable: "plan", operator: "matches", value: "([unclosed" }] }], VARS),
    );
    const events = await chat.start();
    expect(messages(events)).toEqual(["else"]);
    expect(ofType(events, "error")).toEqual([]);
  });
});

describe("condition node branches", () => {
  const pro = { variable: "plan", operator: "equals", value: "pro" };
  const high = { variable: "score", operator: "greater_than", value: "9" };

  it("and needs every rule, or needs one", async () => {
    expect(await taken([{ id: "both", combinator: "and", rules: [pro, high] }], VARS)).toBe("else");
    expect(await taken([{ id: "both", combinator: "and", rules: [pro, { ...high, value: "5" }] }], VARS)).toBe("both");
    expect(await taken([{ id: "any", combinator: "or", rules: [pro, high] }], VARS)).toBe("any");
    expect(await taken([{ id: "any", combinator: "or", rules: [{ ...pro, value: "free" }, high] }], VARS)).toBe("else");
  });

  it("combines with and by default", async () => {
    expect(await taken([{ id: "both", rules: [pro, { ...high, value: "5" }] }], VARS)).toBe("both");
    expect(await taken([{ id: "both", rules: [pro, high] }], VARS)).toBe("else");
    expect(
      conditionNode.schema.parse({ branches: [{ id: "a", label: "A", rules: [pro] }] }).branches[0]?.combinator,
    ).toBe("and");
  });

  it("the first branch that holds wins", async () => {
    const branches = [
      { id: "first", rules: [high] },
      { id: "second", rules: [pro] },
      { id: "third", rules: [pro] },
    ];
    expect(await taken(branches, VARS)).toBe("second");
    expect(await taken(branches, { ...VARS, score: 10 })).toBe("first");
    expect(await taken(branches, { ...VARS, plan: "free" })).toBe("else");
  });

  it("reads variables set earlier in the same turn", async () => {
    const flow = buildFlow({
      nodes: [
        { id: "start", type: "start" },
        {
          id: "set",
          type: "set-variable",
          data: { assignments: [{ variable: "n", mode: "expression", value: "2 + 2" }] },
        },
        {
          id: "cond",
          type: "condition",
          data: { branches: [{ id: "four", label: "4", rules: [{ variable: "n", operator: "equals", value: "4" }] }] },
        },
        { id: "yes", type: "end", data: { message: "four" } },
      ],
      edges: ["start -> set", "set -> cond", "cond:four -> yes"],
    });
    expect(messages(await new Conversation(flow).start())).toEqual(["four"]);
  });

  it("an unconnected branch ends the conversation as a dead end", async () => {
    const chat = new Conversation(branching([{ id: "yes", rules: [pro] }], { plan: "free" }, false));
    const events = await chat.start();
    expect(events).toEqual([{ type: "end", nodeId: "cond", reason: "dead-end" }]);
  });

  it("has one output per branch plus else, and reads the tested variables", () => {
    const data = conditionNode.schema.parse({
      branches: [
        { id: "a", label: "A", rules: [pro, high] },
        { id: "b", label: "B", rules: [pro] },
      ],
    });
    expect(conditionNode.outputs(data).map((o) => o.id)).toEqual(["a", "b", "else"]);
    expect(conditionNode.references(data).reads).toEqual(["plan", "score"]);
  });
});
