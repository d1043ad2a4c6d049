import { z } from "zod";
import { type JsonValue, ownValue } from "../../engine/json.ts";
import { defineNode } from "../../engine/node-definition.ts";
import { templateVariables } from "../../engine/template.ts";

const fieldSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z_]\w{0,63}$/, "Use letters, digits and _")
    .describe("Field of the model's answer."),
  type: z.enum(["string", "number", "boolean", "array"]).describe("array = a list of strings."),
  description: z.string().max(1_000).default("").describe("Tells the model what to put there."),
  variable: z
    .string()
    .regex(/^[A-Za-z_]\w{0,63}$/)
    .optional()
    .describe("Variable that receives the field; defaults to the field's name."),
  enum: z.array(z.string().min(1)).max(50).optional().describe("For strings: the allowed values."),
});

export const aiAnalysisSchema = z.object({
  model: z.string().max(200).describe("Model preference; empty = the active expert's model."),
  instructions: z.string().min(1).max(20_000).describe("What to analyse, with {{variable}} placeholders."),
  includeVariables: z
    .boolean()
    .default(true)
    .describe(
      "Also give the model every variable collected so far, so it sees the user's answers without placeholders.",
    ),
  fields: z
    .array(fieldSchema)
    .min(1, "Add at least one output field")
    .max(30)
    .refine((f) => new Set(f.map((x) => x.name)).size === f.length, "Field names must be unique"),
  temperature: z.number().min(0).max(2).default(0.2),
  maxTokens: z.number().int().min(1).max(32_000).default(1_024),
});
export type AiAnalysisData = z.infer<typeof aiAnalysisSchema>;
type Field = z.infer<typeof fieldSchema>;

/** Appends the conversation's variables as a compact JSON block the model can reason over. */
function withCollectedAnswers(prompt: string, vars: Readonly<Record<string, JsonValue>> | null): string {
  if (!vars) return prompt;
  const known = Object.fromEntries(Object.entries(vars).filter(([, value]) => value !== null && value !== ""));
  return Object.keys(known).length ? `${prompt}\n\nWhat we know so far (JSON):\n${JSON.stringify(known)}` : prompt;
}

function jsonSchemaFor(fields: Field[]): Record<string, JsonValue> {
  const properties: Record<string, JsonValue> = {};
  for (const f of fields) {
    const base: Record<string, JsonValue> =
      f.type === "array" ? { type: "array", items: { type: "string" } } : { type: f.type };
    if (f.enum && f.type === "string") base.enum = f.enum;
    if (f.description) base.description = f.description;
    properties[f.name] = base;
  }
  return { type: "object", properties, required: fields.map((f) => f.name), additionalProperties: false };
}

/** Keeps only what the schema promised, so a sloppy model cannot write odd types into variables. */
function coerce(field: Field, value: JsonValue | undefined): JsonValue {
  // A missing or null field stays null: not the text "null", not ["null"].
  if (value === undefined || value === null) return null;
  switch (field.type) {
    case "string":
      return typeof value === "string" ? value : JSON.stringify(value);
    case "number": {
      const n = typeof value === "number" ? value : Number.parseFloat(String(value));
      return Number.isFinite(n) ? n : null;
    }
    case "boolean":
      return typeof value === "boolean" ? value : String(value).toLowerCase() === "true";
    case "array":
      return Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))) : [String(value)];
  }
}

export const aiAnalysisNode = defineNode<AiAnalysisData>({
  type: "ai-analysis",
  label: "AI analysis",
  category: "ai",
  description:
    "Asks a model for a structured answer with the fields you define (string, number, boolean, list) and writes each field to a variable, e.g. a recommended methodology and its reasoning. Nothing is shown to the user; failures follow the 'Error' output.",
  schema: aiAnalysisSchema,
  defaults: () => ({
    model: "openai:gpt-4o-mini",
    instructions: "Classify the user's request.",
    includeVariables: true,
    fields: [{ name: "category", type: "string", description: "One word." }],
    temperature: 0.2,
    maxTokens: 1_024,
  }),
  outputs: () => [
    { id: "next", label: "Next" },
    { id: "error", label: "Error" },
  ],
  waitsForInput: () => false,
  references: (data) => ({
    reads: templateVariables(data.instructions),
    writes: data.fields.map((f) => f.variable ?? f.name),
    targets: [],
    templates: [data.instructions],
  }),
  async run(ctx) {
    const ai = ctx.ports.ai;
    if (!ai) {
      ctx.emit({
        type: "error",
        nodeId: ctx.nodeId,
        code: "ai-unavailable",
        message: "AI answers are not available right now.",
      });
      return { kind: "next", handle: "error" };
    }
    try {
      const { object, usage } = await ai.generateObject({
        nodeId: ctx.nodeId,
        modelPreference: { model: ctx.data.model || ctx.expert?.model || "" },
        system: ctx.expert?.systemPrompt ? ctx.render(ctx.expert.systemPrompt) : "",
        prompt: withCollectedAnswers(ctx.render(ctx.data.instructions), ctx.data.includeVariables ? ctx.vars : null),
        schema: jsonSchemaFor(ctx.data.fields),
        temperature: ctx.data.temperature,
        maxTokens: ctx.data.maxTokens,
      });
      const values: Record<string, JsonValue> = {};
      for (const field of ctx.data.fields)
        values[field.variable ?? field.name] = coerce(field, ownValue(object, field.name));
      ctx.setVariables(values);
      ctx.emit({ type: "ai-usage", nodeId: ctx.nodeId, usage });
      return { kind: "next" };
    } catch (error) {
      ctx.emit({
        type: "error",
        nodeId: ctx.nodeId,
        code: "ai-failed",
        message: error instanceof Error ? error.message : "The analysis failed.",
      });
      return { kind: "next", handle: "error" };
    }
  },
});
