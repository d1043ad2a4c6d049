import { defineNodeForm, truncate } from "../../forms/types.ts";
import type { EndData } from "./node.ts";

export const endForm = defineNodeForm<EndData>({
  icon: "circle-stop",
  color: "rose",
  fields: [
    {
      kind: "text",
      key: "message",
      label: "Closing message",
      help: "Said before the conversation ends, with {{variable}} placeholders; empty = end silently.",
      placeholder: "Thanks for chatting!",
      multiline: true,
      template: true,
      optional: true,
    },
  ],
  summary: (data) => [truncate(data.message) || "Ends the conversation"],
});
