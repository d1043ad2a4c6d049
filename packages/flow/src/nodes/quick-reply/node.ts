import { z } from "zod";
import type { TurnInput } from "../../engine/input.ts";
import { defineNode, type NodeContext, type StepOutcome } from "../../engine/node-definition.ts";
import { templateVariables } from "../../engine/template.ts";

const optionSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Use letters, digits, _ or -")
    .describe("Stable id of the option; also the id of its output."),
  label: z.string().min(1).max(120).describe("The button text."),
  value: z.string().max(500).optional().describe("Saved to the variable when chosen; defaults to the label."),
});

export const quickReplySchema = z.object({
  prompt: z.string().max(5_000).describe("The question, markdown with {{variable}} placeholders."),
  options: z
    .array(optionSchema)
    .min(1, "Add at least one option")
    .max(20)
    .refine((options) => new Set(options.map((o) => o.id)).size === options.length, "Option ids must be unique")
    .refine(
      (options) => options.every((o) => o.id !== "fallback"),
      "The option id 'fallback' is reserved for typed answers",
    )
    .describe("The buttons; each has its own output."),
  allowFreeText: z.boolean().default(true).describe("Typed answers that match no option follow the 'Other' output."),
  variable: z
    .string()
    .regex(/^[A-Za-z_]\w{0,63}$/)
    .optional()
    .describe("Variable that receives the chosen option's value (or the typed text)."),
});
export type QuickReplyData = z.infer<typeof quickReplySchema>;

const FALLBACK = "fallback";

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}

function ask(ctx: NodeContext<QuickReplyData>, error?: string): void {
  if (error) ctx.emit({ type: "message", nodeId: ctx.nodeId, text: error, typingDelayMs: 0 });
  const prompt = ctx.render(ctx.data.prompt);
  ctx.emit({
    type: "choices",
    nodeId: ctx.nodeId,
    ...(prompt ? { prompt } : {}),
    options: ctx.data.options.map((o) => ({ id: o.id, label: o.label })),
    allowFreeText: ctx.data.allowFreeText,
  });
}

function choose(ctx: NodeContext<QuickReplyData>, input: TurnInput): StepOutcome {
  const { options, variable, allowFreeText } = ctx.data;
  let option = input.type === "choice" ? options.find((o) => o.id === input.optionId) : undefined;
  if (!option && input.type === "text") {
    // Typing an option's label, value or number counts as choosing it.
    const typed = normalise(input.text);
    const index = Number.parseInt(typed, 10);
    option =
      options.find((o) => normalise(o.label) === typed || (o.value !== undefined && normalise(o.value) === typed)) ??
      (String(index) === typed && index >= 1 ? options[index - 1] : undefined);
  }
  if (option) {
    if (variable) ctx.setVariables({ [variable]: option.value ?? option.label });
    return { kind: "next", handle: option.id };
  }
  if (input.type === "text" && input.text.trim() && allowFreeText) {
    if (variable) ctx.setVariables({ [variable]: input.text.trim() });
    return { kind: "next", handle: FALLBACK };
  }
  ask(ctx, "Please choose one of the options.");
  return { kind: "wait" };
}

export const quickReplyNode = defineNode<QuickReplyData>({
  type: "quick-reply",
  label: "Quick reply",
  category: "input",
  description:
    "Asks a question with buttons. Each option has its own output; a typed answer that matches no option follows the 'Other' output when free text is allowed, otherwise the question is asked again.",
  schema: quickReplySchema,
  defaults: () => ({
    prompt: "What would you like to do?",
    options: [
      { id: "a", label: "Option A" },
      { id: "b", label: "Option B" },
    ],
    allowFreeText: true,
  }),
  outputs: (data) => [
    ...data.options.map((o) => ({ id: o.id, label: o.label })),
    ...(data.allowFreeText ? [{ id: FALLBACK, label: "Other (typed answer)" }] : []),
  ],
  waitsForInput: () => true,
  references: (data) => ({
    reads: templateVariables(data.prompt),
    writes: data.variable ? [data.variable] : [],
    targets: [],
    templates: [data.prompt],
  }),
  run(ctx) {
    ask(ctx);
    return { kind: "wait" };
  },
  resume: (ctx, input) => choose(ctx, input),
});
