import { assignmentError } from "../../nodes/set-variable/node.ts";
import { urlTemplateError } from "../../nodes/webhook/node.ts";
import { dataOf, describeNode, type Rule } from "../context.ts";
import type { FlowIssue } from "../issue.ts";

function regexError(pattern: string): string | null {
  try {
    new RegExp(pattern, "i");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Settings the schema accepts but that cannot work: webhook URLs, expressions, regular expressions. */
export const nodeSettingsRule: Rule = (context) => {
  const issues: FlowIssue[] = [];
  for (const info of context.nodes) {
    const { node, index } = info;
    const webhook = dataOf(info, "webhook");
    const setVariable = dataOf(info, "set-variable");
    const condition = dataOf(info, "condition");
    if (webhook) {
      const error = urlTemplateError(webhook.url);
      if (error) {
        issues.push({
          severity: "error",
          code: "invalid-url",
          message: `${describeNode(info)} has a malformed URL: ${error}. Use a full http(s) address, e.g. https://example.com/hook?id={{id}}.`,
          nodeId: node.id,
          path: `nodes.${index}.data.url`,
        });
      }
    } else if (setVariable) {
      setVariable.assignments.forEach((assignment, i) => {
        const error = assignmentError(assignment);
        if (!error) return;
        issues.push({
          severity: "error",
          code: "invalid-expression",
          message: `${describeNode(info)} cannot compute "${assignment.variable}": the expression "${assignment.value}" is invalid (${error.split("\n")[0]}).`,
          nodeId: node.id,
          path: `nodes.${index}.data.assignments.${i}.value`,
        });
      });
    } else if (condition) {
      condition.branches.forEach((branch, b) => {
        branch.rules.forEach((rule, r) => {
          if (rule.operator !== "matches") return;
          const error = regexError(rule.value);
          if (!error) return;
          issues.push({
            severity: "error",
            code: "invalid-regex",
            message: `Branch "${branch.label}" of ${describeNode(info)} tests "${rule.variable}" against an invalid regular expression: ${error}. The rule would never hold.`,
            nodeId: node.id,
            path: `nodes.${index}.data.branches.${b}.rules.${r}.value`,
          });
        });
      });
    }
  }
  return issues;
};
