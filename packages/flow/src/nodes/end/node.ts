import { z } from "zod";
import { defineNode } from "../../engine/node-definition.ts";
import { templateVariables } from "../../engine/template.ts";

export const endSchema = z.object({
  message: z.string().max(10_000).optional().describe("A closing message, with {{variable}} placeholders."),
});
export type EndData = z.infer<typeof endSchema>;

export const endNode = defineNode<EndData>({
  type: "end",
  label: "End",
  category: "flow",
  description: "Ends the conversation, optionally with a closing message. Further messages get a clear 'ended' answer.",
  schema: endSchema,
  defaults: () => ({ message: "Thanks for chatting!" }),
  outputs: () => [],
  waitsForInput: () => false,
  references: (data) => ({
    reads: data.message ? templateVariables(data.message) : [],
    writes: [],
    targets: [],
    templates: data.message ? [data.message] : [],
  }),
  run(ctx) {
    if (ctx.data.message) {
      ctx.emit({
        type: "message",
        nodeId: ctx.nodeId,
        text: ctx.render(ctx.data.message),
        typingDelayMs: ctx.settings.typingDelayMs,
      });
    }
    return { kind: "end" };
  },
});
