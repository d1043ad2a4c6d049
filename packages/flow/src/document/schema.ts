import { z } from "zod";
import { jsonValueSchema } from "../engine/json.ts";
import { NODE_DEFINITIONS } from "../nodes/registry.ts";

export const FLOW_DOCUMENT_VERSION = 1;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Ids use letters, digits, _ or - (64 at most)");
export const variableName = z
  .string()
  .regex(/^[A-Za-z_]\w{0,63}$/, "Variable names use letters, digits and _ and do not start with a digit")
  .refine((name) => !["__proto__", "constructor", "prototype"].includes(name), "This name is reserved");

const position = z.object({ x: z.number().finite(), y: z.number().finite() });

/** One node schema per type, so a node's data is checked against its own type. */
const nodeSchemas = NODE_DEFINITIONS.map((definition) =>
  z.object({
    id,
    type: z.literal(definition.type),
    name: z.string().max(120).optional().describe("A label for builders; not shown to users."),
    position,
    data: definition.schema,
  }),
);

export const flowNodeSchema = z.discriminatedUnion(
  "type",
  nodeSchemas as unknown as [(typeof nodeSchemas)[number], ...(typeof nodeSchemas)[number][]],
);

export const flowEdgeSchema = z.object({
  id,
  source: id.describe("The node the edge leaves."),
  sourceHandle: z.string().min(1).max(64).default("next").describe("Which output of the source node."),
  target: id.describe("The node the edge enters."),
});

export const flowVariableSchema = z.object({
  name: variableName,
  type: z.enum(["string", "number", "boolean", "date", "json"]).default("string"),
  default: jsonValueSchema.optional(),
  description: z.string().max(500).optional(),
});

export const globalActionSchema = z.object({
  id,
  label: z.string().max(120).optional(),
  /** keyword: any listed word or phrase in the message; intent: close enough to one of the examples. */
  trigger: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("keyword"), keywords: z.array(z.string().min(1).max(100)).min(1).max(50) }),
    z.object({ kind: z.literal("intent"), examples: z.array(z.string().min(1).max(300)).min(1).max(50) }),
  ]),
  target: id.describe("The node the conversation jumps to."),
});

export const flowSettingsSchema = z.object({
  language: z.string().min(2).max(35).default("en"),
  typingDelayMs: z.number().int().min(0).max(10_000).default(600),
  /** Most nodes one turn may run before the engine stops it as a runaway loop. */
  stepBudget: z.number().int().min(10).max(10_000).default(200),
});

export const flowDocumentSchema = z.object({
  version: z.literal(FLOW_DOCUMENT_VERSION),
  nodes: z.array(flowNodeSchema).max(5_000),
  edges: z.array(flowEdgeSchema).max(20_000),
  variables: z.array(flowVariableSchema).max(500).default([]),
  globalActions: z.array(globalActionSchema).max(100).default([]),
  settings: flowSettingsSchema.default({ language: "en", typingDelayMs: 600, stepBudget: 200 }),
});

export type FlowDocument = z.infer<typeof flowDocumentSchema>;
export type FlowDocumentInput = z.input<typeof flowDocumentSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type FlowVariable = z.infer<typeof flowVariableSchema>;
export type GlobalAction = z.infer<typeof globalActionSchema>;
