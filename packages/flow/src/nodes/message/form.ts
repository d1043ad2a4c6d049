import { defineNodeForm, str, truncate } from "../../forms/types.ts";
import type { MessageData } from "./node.ts";

export const messageForm = defineNodeForm<MessageData>({
  icon: "message-square",
  color: "sky",
  fields: [
    {
      kind: "text",
      key: "text",
      label: "Message",
      help: "What the bot says. Markdown, with {{variable}} placeholders.",
      placeholder: "Hello {{name}}!",
      multiline: true,
      template: true,
    },
    {
      kind: "text",
      key: "imageUrl",
      label: "Image URL",
      help: "An image shown with the message (http or https).",
      placeholder: "https://…",
      optional: true,
    },
    {
      kind: "number",
      key: "typingDelayMs",
      label: "Typing delay",
      help: "How long the typing indicator shows first; empty = the flow's setting.",
      min: 0,
      max: 10_000,
      step: 100,
      unit: "ms",
      optional: true,
    },
  ],
  summary: (data) => {
    const text = truncate(data.text);
    return [text || "(empty message)", ...(str(data.imageUrl) ? ["+ image"] : [])];
  },
});
