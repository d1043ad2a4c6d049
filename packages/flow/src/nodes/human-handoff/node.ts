import { z } from "zod";
import { defineNode } from "../../engine/node-definition.ts";
import { templateVariables } from "../../engine/template.ts";

export const humanHandoffSchema = z.object({
  message: z
    .string()
    .min(1)
    .max(2_000)
    .describe("What the user is told while an operator is found, with {{variable}} placeholders."),
  reason: z.string().max(200).optional().describe("Why the conversation needs a person; shown to operators."),
});
export type HumanHandoffData = z.infer<typeof humanHandoffSchema>;

export const humanHandoffNode = defineNode<HumanHandoffData>({
  type: "human-handoff",
  label: "Human handoff",
  category: "handoff",
  description:
    "Marks the conversation as waiting for an operator and tells the user. The bot stays silent until an operator hands it back or the user restarts.",
  schema: humanHandoffSchema,
  defaults: () => ({ message: "I'm connecting you with a person from our team. Please hold on." }),
  outputs: () => [],
  waitsForInput: () => true,
  references: (data) => ({
    reads: templateVariables(data.message),
    writes: [],
    targets: [],
    templates: [data.message],
  }),
  run(ctx) {
    ctx.emit({
      type: "handoff",
      nodeId: ctx.nodeId,
      message: ctx.render(ctx.data.message),
      ...(ctx.data.reason ? { reason: ctx.data.reason } : {}),
    });
    return { kind: "handoff" };
  },
});
