import { RESERVED_VARIABLES } from "../../engine/interpreter.ts";
import { templateVariables } from "../../engine/template.ts";
import { describeNode, type Rule } from "../context.ts";
import type { FlowIssue } from "../issue.ts";

/** Variables read somewhere but declared nowhere and written by no node: they would always be empty. */
export const variablesRule: Rule = (context) => {
  const defined = new Set<string>(RESERVED_VARIABLES);
  for (const variable of Array.isArray(context.flow.variables) ? context.flow.variables : [])
    defined.add(variable.name);
  for (const info of context.nodes) for (const name of info.references.writes) defined.add(name);

  const issues: FlowIssue[] = [];
  for (const info of context.nodes) {
    const reads = new Set(info.references.reads);
    for (const template of info.references.templates) for (const name of templateVariables(template)) reads.add(name);
    for (const name of reads) {
      if (defined.has(name)) continue;
      issues.push({
        severity: "warning",
        code: "undefined-variable",
        message: `${describeNode(info)} uses the variable "${name}", but no node sets it and the flow does not declare it: it would always be empty. Declare it or check the spelling.`,
        nodeId: info.node.id,
        path: `nodes.${info.index}.data`,
      });
    }
  }
  return issues;
};
