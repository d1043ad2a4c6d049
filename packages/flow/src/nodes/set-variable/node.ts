import { z } from "zod";
import { defineNode } from "../../engine/node-definition.ts";
import { templateVariables } from "../../engine/template.ts";
import { compile, evaluate } from "./expression.ts";

const assignmentSchema = z.object({
  variable: z
    .string()
    .regex(/^[A-Za-z_]\w{0,63}$/, "Use letters, digits and _ (not starting with a digit)")
    .describe("The variable to set."),
  mode: z
    .enum(["literal", "expression"])
    .default("literal")
    .describe("literal: text with {{placeholders}}; expression: computed."),
  value: z
    .string()
    .max(5_000)
    .describe('The text, or an expression such as `price * quantity` or `if score > 7 then "hot" else "cold"`.'),
});

export const setVariableSchema = z.object({
  assignments: z.array(assignmentSchema).min(1, "Add at least one assignment").max(50),
});
export type SetVariableData = z.infer<typeof setVariableSchema>;

/** Names an expression reads: its identifiers, minus the language's words and functions. */
const RESERVED = new Set([
  "and",
  "or",
  "not",
  "if",
  "then",
  "else",
  "in",
  "true",
  "false",
  "abs",
  "ceil",
  "floor",
  "log",
  "max",
  "min",
  "random",
  "round",
  "sqrt",
  "exists",
  "empty",
]);
function expressionVariables(expression: string): string[] {
  const withoutStrings = expression.replace(/"(?:[^"\\]|\\.)*"/g, "");
  return [...new Set(withoutStrings.match(/[A-Za-z_]\w*/g) ?? [])].filter((name) => !RESERVED.has(name));
}

export function assignmentError(assignment: z.infer<typeof assignmentSchema>): string | null {
  if (assignment.mode !== "expression") return null;
  const compiled = compile(assignment.value);
  return compiled instanceof Error ? compiled.message : null;
}

export const setVariableNode = defineNode<SetVariableData>({
  type: "set-variable",
  label: "Set variable",
  category: "logic",
  description:
    "Sets one or more variables, each to literal text (with {{placeholders}}) or to the result of a safe expression (arithmetic, comparisons, and/or, if/then/else).",
  schema: setVariableSchema,
  defaults: () => ({ assignments: [{ variable: "score", mode: "expression", value: "0" }] }),
  outputs: () => [{ id: "next", label: "Next" }],
  waitsForInput: () => false,
  references: (data) => ({
    reads: [
      ...new Set(
        data.assignments.flatMap((a) =>
          a.mode === "literal" ? templateVariables(a.value) : expressionVariables(a.value),
        ),
      ),
    ],
    writes: data.assignments.map((a) => a.variable),
    targets: [],
    templates: data.assignments.filter((a) => a.mode === "literal").map((a) => a.value),
  }),
  run(ctx) {
    for (const assignment of ctx.data.assignments) {
      // Set one at a time: later assignments see earlier ones, as a reader of the list expects.
      if (assignment.mode === "literal") {
        ctx.setVariables({ [assignment.variable]: ctx.render(assignment.value) });
        continue;
      }
      const result = evaluate(assignment.value, ctx.vars);
      if ("error" in result)
        ctx.emit({ type: "error", nodeId: ctx.nodeId, code: "node-failed", message: result.error });
      ctx.setVariables({ [assignment.variable]: "error" in result ? null : result.value });
    }
    return { kind: "next" };
  },
});
