import { capLines, defineNodeForm, freshId, items, options, str, truncate } from "../../forms/types.ts";
import type { ConditionData } from "./node.ts";

export const OPERATOR_LABELS = {
  equals: "equals",
  not_equals: "does not equal",
  contains: "contains",
  greater_than: "is greater than",
  less_than: "is less than",
  is_set: "is set",
  is_not_set: "is not set",
  matches: "matches (regular expression)",
};

const SYMBOLS: Record<string, string> = {
  equals: "=",
  not_equals: "≠",
  contains: "contains",
  greater_than: ">",
  less_than: "<",
  is_set: "is set",
  is_not_set: "is not set",
  matches: "matches",
};

const WITH_VALUE = Object.keys(OPERATOR_LABELS).filter((op) => op !== "is_set" && op !== "is_not_set");

function newRule(existing: readonly unknown[] = []): Record<string, unknown> {
  // A new rule most often tests the same variable as the one before it.
  const last = items(existing).at(-1);
  return { variable: str(last?.variable) || "answer", operator: "equals", value: "" };
}

function describeRule(rule: Record<string, unknown>): string {
  const operator = str(rule.operator);
  const symbol = SYMBOLS[operator] ?? operator;
  const value = str(rule.value);
  const shown = operator === "matches" ? `/${value}/` : /^-?\d+(\.\d+)?$/.test(value) ? value : `"${value}"`;
  return WITH_VALUE.includes(operator) ? `${str(rule.variable)} ${symbol} ${shown}` : `${str(rule.variable)} ${symbol}`;
}

export const conditionForm = defineNodeForm<ConditionData>({
  icon: "split",
  color: "amber",
  fields: [
    {
      kind: "list",
      key: "branches",
      label: "Branches",
      help: "Tested in order; the first that holds wins, otherwise the 'Else' output.",
      addLabel: "Add branch",
      itemLabel: "Branch",
      minItems: 1,
      maxItems: 20,
      fields: [
        { kind: "text", key: "label", label: "Output label", placeholder: "Yes" },
        {
          kind: "select",
          key: "combinator",
          label: "Holds when",
          help: "and: every rule must hold; or: any rule.",
          options: options({ and: "All rules hold (and)", or: "Any rule holds (or)" }),
        },
        {
          kind: "list",
          key: "rules",
          label: "Rules",
          addLabel: "Add rule",
          itemLabel: "Rule",
          minItems: 1,
          maxItems: 20,
          fields: [
            { kind: "variable", key: "variable", label: "Variable", help: "The variable tested." },
            {
              kind: "select",
              key: "operator",
              label: "Test",
              help: "How it is tested; `matches` takes a regular expression.",
              options: options(OPERATOR_LABELS),
            },
            {
              kind: "text",
              key: "value",
              label: "Value",
              help: "What it is compared with (case-insensitive); for `matches`, a regular expression.",
              visibleWhen: { key: "operator", oneOf: WITH_VALUE },
            },
          ],
          newItem: newRule,
        },
      ],
      newItem: (existing = []) => ({
        id: freshId("br_", existing),
        label: `Branch ${existing.length + 1}`,
        combinator: "and",
        rules: [newRule(items(existing).flatMap((b) => items(b.rules)))],
      }),
    },
  ],
  summary: (data) => {
    const lines = items(data.branches).map((branch) => {
      const joiner = branch.combinator === "or" ? " or " : " and ";
      const test = items(branch.rules).map(describeRule).join(joiner);
      return truncate(`${str(branch.label) || "?"}: if ${test || "…"}`);
    });
    return capLines(lines);
  },
});
