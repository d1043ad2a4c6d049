import { defineNodeForm, truncate } from "../../forms/types.ts";
import type { HumanHandoffData } from "./node.ts";

export const humanHandoffForm = defineNodeForm<HumanHandoffData>({
  icon: "headset",
  color: "rose",
  fields: [
    {
      kind: "text",
      key: "message",
      label: "Message to the user",
      help: "What the user is told while an operator is found, with {{variable}} placeholders.",
      placeholder: "I'm connecting you with a person from our team.",
      multiline: true,
      template: true,
    },
    {
      kind: "text",
      key: "reason",
      label: "Reason",
      help: "Why the conversation needs a person; shown to operators.",
      placeholder: "Wants a refund",
      optional: true,
    },
  ],
  summary: (data) => {
    const reason = truncate(data.reason, 72);
    return [truncate(data.message) || "(no message)", ...(reason ? [`Reason: ${reason}`] : [])];
  },
});
