import { z } from "zod";
import { defineNode } from "../../engine/node-definition.ts";
import { templateVariables } from "../../engine/template.ts";

export const messageSchema = z.object({
  text: z.string().max(10_000).describe("What the bot says. Markdown, with {{variable}} placeholders."),
  imageUrl: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe("An image shown with the message."),
  typingDelayMs: z
    .number()
    .int()
    .min(0)
    .max(10_000)
    .optional()
    .describe("How long the typing indicator shows first; defaults to the flow's setting."),
});
export type MessageData = z.infer<typeof messageSchema>;

export const messageNode = defineNode<MessageData>({
  type: "message",
  label: "Message",
  category: "messages",
  description: "Sends a message: markdown text with {{variable}} placeholders, an optional image and a typing delay.",
  schema: messageSchema,
  defaults: () => ({ text: "Hello! 👋" }),
  outputs: () => [{ id: "next", label: "Next" }],
  waitsForInput: () => false,
  references: (data) => ({ reads: templateVariables(data.text), writes: [], targets: [], templates: [data.text] }),
  run(ctx) {
    ctx.emit({
      type: "message",
      nodeId: ctx.nodeId,
      text: ctx.render(ctx.data.text),
      ...(ctx.data.imageUrl ? { imageUrl: ctx.data.imageUrl } : {}),
      typingDelayMs: ctx.data.typingDelayMs ?? ctx.settings.typingDelayMs,
      ...(ctx.expert ? { expert: ctx.expert.name } : {}),
    });
    return { kind: "next" };
  },
});
