import { z } from "zod";
import type { FieldSpec } from "../../engine/events.ts";
import type { TurnInput } from "../../engine/input.ts";
import { ownValue } from "../../engine/json.ts";
import { defineNode, type NodeContext, type StepOutcome } from "../../engine/node-definition.ts";
import type { WaitData } from "../../engine/state.ts";
import { templateVariables } from "../../engine/template.ts";
import { validateField } from "./validate-field.ts";

const fieldSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z_]\w{0,63}$/, "Use letters, digits and _")
      .describe("Variable that receives the answer."),
    label: z.string().min(1).max(200).describe("The question shown to the user."),
    type: z.enum(["text", "email", "number", "phone", "date", "select"]),
    required: z.boolean().default(true),
    options: z.array(z.string().min(1).max(200)).max(50).optional().describe("For select: the choices."),
    min: z.number().optional().describe("For number: the smallest accepted value."),
    max: z.number().optional().describe("For number: the largest accepted value."),
    placeholder: z.string().max(200).optional(),
    errorMessage: z
      .string()
      .max(500)
      .optional()
      .describe("Shown instead of the default message when the answer is invalid."),
  })
  .refine((f) => f.type !== "select" || (f.options?.length ?? 0) > 0, {
    message: "A select field needs options",
    path: ["options"],
  })
  .refine((f) => f.min === undefined || f.max === undefined || f.min <= f.max, {
    message: "min is above max",
    path: ["min"],
  });

export const collectDataSchema = z.object({
  intro: z.string().max(5_000).optional().describe("Said before the first question, with {{variable}} placeholders."),
  fields: z
    .array(fieldSchema)
    .min(1, "Add at least one field")
    .max(30)
    .refine((f) => new Set(f.map((x) => x.name)).size === f.length, "Field names must be unique"),
  mode: z
    .enum(["conversational", "form"])
    .default("conversational")
    .describe("conversational: one question per message; form: all fields at once."),
});
export type CollectDataData = z.infer<typeof collectDataSchema>;
type Field = z.infer<typeof fieldSchema>;

function spec(field: Field): FieldSpec {
  const { errorMessage: _omit, ...rest } = field;
  return rest;
}

function askField(ctx: NodeContext<CollectDataData>, index: number, error?: string): void {
  const field = ctx.data.fields[index] as Field;
  ctx.emit({ type: "input-request", nodeId: ctx.nodeId, field: spec(field), ...(error ? { error } : {}) });
}

function askForm(ctx: NodeContext<CollectDataData>, errors: Record<string, string> = {}): void {
  for (const field of ctx.data.fields) {
    const error = ownValue(errors, field.name);
    ctx.emit({ type: "input-request", nodeId: ctx.nodeId, field: spec(field), ...(error ? { error } : {}) });
  }
}

function resumeConversational(ctx: NodeContext<CollectDataData>, input: TurnInput, waiting: WaitData): StepOutcome {
  let index = typeof waiting.field === "number" ? waiting.field : 0;
  const first = index;
  // A form answer may fill this field and the next ones at once.
  const answers: Array<string | number | null> =
    input.type === "form"
      ? ctx.data.fields.slice(index).map((f) => ownValue(input.values, f.name) ?? null)
      : [input.type === "text" ? input.text : input.type === "choice" ? input.optionId : null];
  for (const raw of answers) {
    const field = ctx.data.fields[index];
    if (!field) break;
    // The first later field the form leaves out is asked next, as a question, not as a "required" error.
    if (input.type === "form" && index > first && !Object.hasOwn(input.values, field.name)) break;
    const result = validateField(field, raw);
    if (!result.ok) {
      askField(ctx, index, result.error);
      return { kind: "wait", data: { field: index, attempts: Number(waiting.attempts ?? 0) + 1 } };
    }
    ctx.setVariables({ [field.name]: result.value });
    index += 1;
    if (input.type !== "form") break;
  }
  if (index >= ctx.data.fields.length) return { kind: "next" };
  askField(ctx, index);
  return { kind: "wait", data: { field: index, attempts: 0 } };
}

function resumeForm(ctx: NodeContext<CollectDataData>, input: TurnInput): StepOutcome {
  if (input.type !== "form") {
    askForm(ctx, { [ctx.data.fields[0]?.name ?? ""]: "Please fill in the form." });
    return { kind: "wait" };
  }
  const errors: Record<string, string> = {};
  const values: Record<string, string | number | boolean | null> = {};
  for (const field of ctx.data.fields) {
    const result = validateField(field, ownValue(input.values, field.name));
    if (result.ok) values[field.name] = result.value as string | number | null;
    else errors[field.name] = result.error;
  }
  if (Object.keys(errors).length) {
    askForm(ctx, errors);
    return { kind: "wait" };
  }
  ctx.setVariables(values);
  return { kind: "next" };
}

export const collectDataNode = defineNode<CollectDataData>({
  type: "collect-data",
  label: "Collect data",
  category: "input",
  description:
    "Asks for fields (text, email, number with min/max, phone, date, select), one question at a time or as a form. Each answer is validated; an invalid one is asked again with a clear message. Optional fields can be left empty. Answers are saved to variables named after the fields.",
  schema: collectDataSchema,
  defaults: () => ({
    fields: [{ name: "email", label: "What is your email?", type: "email", required: true }],
    mode: "conversational",
  }),
  outputs: () => [{ id: "next", label: "Next" }],
  waitsForInput: () => true,
  references: (data) => ({
    reads: data.intro ? templateVariables(data.intro) : [],
    writes: data.fields.map((f) => f.name),
    targets: [],
    templates: data.intro ? [data.intro] : [],
  }),
  run(ctx) {
    if (ctx.data.intro) {
      ctx.emit({
        type: "message",
        nodeId: ctx.nodeId,
        text: ctx.render(ctx.data.intro),
        typingDelayMs: ctx.settings.typingDelayMs,
      });
    }
    if (ctx.data.mode === "form") {
      askForm(ctx);
      return { kind: "wait" };
    }
    askField(ctx, 0);
    return { kind: "wait", data: { field: 0, attempts: 0 } };
  },
  resume: (ctx, input, waiting) =>
    ctx.data.mode === "form" ? resumeForm(ctx, input) : resumeConversational(ctx, input, waiting),
});
