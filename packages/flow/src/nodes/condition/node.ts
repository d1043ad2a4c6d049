import { z } from "zod";
import { type JsonValue, ownValue } from "../../engine/json.ts";
import { defineNode } from "../../engine/node-definition.ts";

const ruleSchema = z.object({
  variable: z.string().min(1).describe("The variable tested."),
  operator: z
    .enum(["equals", "not_equals", "contains", "greater_than", "less_than", "is_set", "is_not_set", "matches"])
    .describe("How it is tested; `matches` takes a regular expression."),
  value: z.string().max(500).default("").describe("What it is compared with (ignored by is_set / is_not_set)."),
});

const branchSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Use letters, digits, _ or -"),
  label: z.string().min(1).max(120),
  combinator: z.enum(["and", "or"]).default("and").describe("and: every rule must hold; or: any rule."),
  rules: z.array(ruleSchema).min(1, "Add at least one rule").max(20),
});

export const conditionSchema = z.object({
  branches: z
    .array(branchSchema)
    .min(1)
    .max(20)
    .refine((b) => new Set(b.map((x) => x.id)).size === b.length, "Branch ids must be unique")
    .refine((b) => b.every((x) => x.id !== "else"), "The branch id 'else' is reserved for the Else output")
    .describe("Tested in order; the first that holds wins, otherwise the 'Else' output."),
});
export type ConditionData = z.infer<typeof conditionSchema>;
type Rule = z.infer<typeof ruleSchema>;

const regexCache = new Map<string, RegExp | null>();
function regex(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    let compiled: RegExp | null = null;
    try {
      compiled = new RegExp(pattern, "i");
    } catch {
      compiled = null;
    }
    regexCache.set(pattern, compiled);
  }
  return regexCache.get(pattern) ?? null;
}

function asText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function asNumber(value: JsonValue | undefined | string): number {
  return typeof value === "number" ? value : Number.parseFloat(asText(value as JsonValue));
}

export function ruleHolds(rule: Rule, vars: Readonly<Record<string, JsonValue>>): boolean {
  const actual = ownValue(vars, rule.variable);
  switch (rule.operator) {
    case "is_set":
      return actual !== undefined && actual !== null && actual !== "";
    case "is_not_set":
      return actual === undefined || actual === null || actual === "";
    case "equals":
      return asText(actual).trim().toLowerCase() === rule.value.trim().toLowerCase();
    case "not_equals":
      return asText(actual).trim().toLowerCase() !== rule.value.trim().toLowerCase();
    case "contains":
      return Array.isArray(actual)
        ? actual.some((item) => asText(item).toLowerCase() === rule.value.toLowerCase())
        : asText(actual).toLowerCase().includes(rule.value.toLowerCase());
    case "greater_than":
      return asNumber(actual) > asNumber(rule.value);
    case "less_than":
      return asNumber(actual) < asNumber(rule.value);
    case "matches": {
      // Bounded input keeps a hostile pattern from stalling the turn.
      const pattern = regex(rule.value);
      return pattern ? pattern.test(asText(actual).slice(0, 2_000)) : false;
    }
  }
}

export const conditionNode = defineNode<ConditionData>({
  type: "condition",
  label: "Condition",
  category: "logic",
  description:
    "Branches on variables. Each branch combines rules (equals, contains, greater/less than, is set, matches a regular expression) with and/or; the first branch that holds is followed, else the 'Else' output.",
  schema: conditionSchema,
  defaults: () => ({
    branches: [
      { id: "yes", label: "Yes", combinator: "and", rules: [{ variable: "answer", operator: "equals", value: "yes" }] },
    ],
  }),
  outputs: (data) => [...data.branches.map((b) => ({ id: b.id, label: b.label })), { id: "else", label: "Else" }],
  waitsForInput: () => false,
  references: (data) => ({
    reads: [...new Set(data.branches.flatMap((b) => b.rules.map((r) => r.variable)))],
    writes: [],
    targets: [],
    templates: [],
  }),
  run(ctx) {
    for (const branch of ctx.data.branches) {
      const holds =
        branch.combinator === "and"
          ? branch.rules.every((r) => ruleHolds(r, ctx.vars))
          : branch.rules.some((r) => ruleHolds(r, ctx.vars));
      if (holds) return { kind: "next", handle: branch.id };
    }
    return { kind: "next", handle: "else" };
  },
});
