import { z } from "zod";
import { defineNode } from "../../engine/node-definition.ts";
import { templateVariables } from "../../engine/template.ts";

export const expertHandoffSchema = z.object({
  name: z.string().min(1).max(100).describe("The expert's name, shown to the user (e.g. 'Marketing & Sales Expert')."),
  systemPrompt: z
    .string()
    .min(1)
    .max(20_000)
    .describe("The expert's persona and knowledge, used by AI steps that follow."),
  model: z
    .string()
    .max(200)
    .describe("Model preference of this expert, e.g. 'openai:gpt-4o-mini'; empty = each AI step's own."),
  message: z
    .string()
    .max(2_000)
    .optional()
    .describe("An introduction when the expert takes over, with {{variable}} placeholders."),
});
export type ExpertHandoffData = z.infer<typeof expertHandoffSchema>;

export const expertHandoffNode = defineNode<ExpertHandoffData>({
  type: "expert-handoff",
  label: "Expert handoff",
  category: "handoff",
  description:
    "Another expert persona takes over the conversation with its own name, system prompt and model, sharing the variables and history collected so far. AI steps after it speak as this expert.",
  schema: expertHandoffSchema,
  defaults: () => ({ name: "Expert", systemPrompt: "You are a helpful expert.", model: "" }),
  outputs: () => [{ id: "next", label: "Next" }],
  waitsForInput: () => false,
  references: (data) => ({
    reads: data.message ? templateVariables(data.message) : [],
    writes: [],
    targets: [],
    templates: data.message ? [data.message] : [],
  }),
  run(ctx) {
    const { name, systemPrompt, model, message } = ctx.data;
    ctx.setExpert({ nodeId: ctx.nodeId, name, systemPrompt, model });
    ctx.emit({ type: "expert-change", nodeId: ctx.nodeId, expert: { name, ...(model ? { model } : {}) } });
    if (message) {
      ctx.emit({
        type: "message",
        nodeId: ctx.nodeId,
        text: ctx.render(message),
        typingDelayMs: ctx.settings.typingDelayMs,
        expert: name,
      });
    }
    return { kind: "next" };
  },
});
