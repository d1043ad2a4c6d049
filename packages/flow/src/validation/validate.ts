import type { FlowDocument } from "../document/schema.ts";
import { buildContext, type Rule, type ValidationContext } from "./context.ts";
import type { FlowIssue } from "./issue.ts";
import { connectionsRule } from "./rules/connections.ts";
import { edgesRule } from "./rules/edges.ts";
import { loopsRule } from "./rules/loops.ts";
import { modelsRule } from "./rules/models.ts";
import { nodeSettingsRule } from "./rules/nodes.ts";
import { reachabilityRule } from "./rules/reachability.ts";
import { structureRule } from "./rules/structure.ts";
import { targetsRule } from "./rules/targets.ts";
import { variablesRule } from "./rules/variables.ts";

export interface FlowValidation {
  errors: FlowIssue[];
  warnings: FlowIssue[];
}

/** In order of how a designer fixes a flow: its shape first, then what runs, then the details. */
const RULES: readonly Rule[] = [
  structureRule,
  edgesRule,
  targetsRule,
  connectionsRule,
  loopsRule,
  modelsRule,
  nodeSettingsRule,
  reachabilityRule,
  variablesRule,
];

const unexpected = (error: unknown): FlowIssue => ({
  severity: "error",
  code: "validation-failed",
  message: `The flow could not be fully checked: ${error instanceof Error ? error.message : String(error)}`,
});

/**
 * Checks a flow document for what would break or surprise in conversations. Pure and linear in the
 * size of the flow; never throws, even on a document that skipped the schema.
 */
export function validateFlow(flow: FlowDocument): FlowValidation {
  const errors: FlowIssue[] = [];
  const warnings: FlowIssue[] = [];
  let context: ValidationContext;
  try {
    if (flow === null || typeof flow !== "object") throw new Error("the document is not an object");
    context = buildContext(flow);
  } catch (error) {
    return { errors: [unexpected(error)], warnings };
  }
  for (const rule of RULES) {
    let issues: FlowIssue[];
    try {
      issues = rule(context);
    } catch (error) {
      issues = [unexpected(error)];
    }
    for (const issue of issues) (issue.severity === "error" ? errors : warnings).push(issue);
  }
  return { errors, warnings };
}

/** Whether a validation (or a list of issues) has anything that must be fixed before publishing. */
export function hasErrors(result: FlowValidation | readonly FlowIssue[]): boolean {
  const issues = Array.isArray(result) ? result : (result as FlowValidation).errors;
  return issues.some((issue) => issue.severity === "error");
}
