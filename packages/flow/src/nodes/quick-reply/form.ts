import { count, defineNodeForm, freshId, items, joined, str, truncate } from "../../forms/types.ts";
import type { QuickReplyData } from "./node.ts";

export const quickReplyForm = defineNodeForm<QuickReplyData>({
  icon: "mouse-pointer-click",
  color: "violet",
  fields: [
    {
      kind: "text",
      key: "prompt",
      label: "Question",
      help: "The question, markdown with {{variable}} placeholders.",
      placeholder: "What would you like to do?",
      multiline: true,
      template: true,
    },
    {
      kind: "list",
      key: "options",
      label: "Options",
      help: "The buttons; each has its own output.",
      addLabel: "Add option",
      itemLabel: "Option",
      minItems: 1,
      maxItems: 20,
      fields: [
        { kind: "text", key: "label", label: "Button text", placeholder: "Yes" },
        {
          kind: "text",
          key: "value",
          label: "Saved value",
          help: "Saved to the variable when chosen; empty = the button text.",
          optional: true,
        },
      ],
      newItem: (existing = []) => ({ id: freshId("opt_", existing), label: `Option ${existing.length + 1}` }),
    },
    {
      kind: "boolean",
      key: "allowFreeText",
      label: "Allow typed answers",
      help: "Typed answers that match no option follow the 'Other' output; otherwise the question is asked again.",
    },
    {
      kind: "variable",
      key: "variable",
      label: "Save answer to",
      help: "Variable that receives the chosen option's value (or the typed text).",
      allowNew: true,
      optional: true,
    },
  ],
  summary: (data) => {
    const options = items(data.options).map((o) => str(o.label));
    return [
      truncate(data.prompt),
      options.length ? `${count(options.length, "option")}: ${joined(options, " · ", 64)}` : "No options",
      str(data.variable) ? `→ ${str(data.variable)}` : "",
    ].filter(Boolean);
  },
});
