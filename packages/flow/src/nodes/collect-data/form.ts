import { defineNodeForm, items, joined, options, str, truncate, uniqueName } from "../../forms/types.ts";
import type { CollectDataData } from "./node.ts";

export const FIELD_TYPE_LABELS = {
  text: "Text",
  email: "Email",
  number: "Number",
  phone: "Phone",
  date: "Date",
  select: "Choice (select)",
};

export const collectDataForm = defineNodeForm<CollectDataData>({
  icon: "clipboard-list",
  color: "violet",
  fields: [
    {
      kind: "text",
      key: "intro",
      label: "Introduction",
      help: "Said before the first question, with {{variable}} placeholders.",
      placeholder: "I just need a few details.",
      multiline: true,
      template: true,
      optional: true,
    },
    {
      kind: "list",
      key: "fields",
      label: "Fields",
      help: "Asked in order; each answer is validated and saved to the variable named after the field.",
      addLabel: "Add field",
      itemLabel: "Field",
      minItems: 1,
      maxItems: 30,
      fields: [
        {
          kind: "text",
          key: "label",
          label: "Question",
          help: "The question shown to the user.",
          placeholder: "What is your email?",
        },
        {
          kind: "variable",
          key: "name",
          label: "Save to variable",
          help: "Variable that receives the answer (letters, digits and _); unique within the node.",
          allowNew: true,
        },
        { kind: "select", key: "type", label: "Type", options: options(FIELD_TYPE_LABELS) },
        { kind: "boolean", key: "required", label: "Required", help: "Optional fields can be left empty." },
        {
          kind: "stringList",
          key: "options",
          label: "Choices",
          help: "For select: the choices.",
          addLabel: "Add choice",
          placeholder: "Choice",
          minItems: 1,
          maxItems: 50,
          optional: true,
          visibleWhen: { key: "type", oneOf: ["select"] },
        },
        {
          kind: "number",
          key: "min",
          label: "Minimum",
          help: "For number: the smallest accepted value.",
          optional: true,
          visibleWhen: { key: "type", oneOf: ["number"] },
        },
        {
          kind: "number",
          key: "max",
          label: "Maximum",
          help: "For number: the largest accepted value.",
          optional: true,
          visibleWhen: { key: "type", oneOf: ["number"] },
        },
        {
          kind: "text",
          key: "placeholder",
          label: "Placeholder",
          help: "Hint shown in the empty input.",
          optional: true,
        },
        {
          kind: "text",
          key: "errorMessage",
          label: "Error message",
          help: "Shown instead of the default message when the answer is invalid.",
          optional: true,
        },
      ],
      newItem: (existing = []) => ({
        name: uniqueName("field", existing),
        label: "Your question",
        type: "text",
        required: true,
      }),
    },
    {
      kind: "select",
      key: "mode",
      label: "Ask",
      help: "conversational: one question per message; form: all fields at once.",
      options: options({ conversational: "One question at a time", form: "All at once, as a form" }),
    },
  ],
  summary: (data) => {
    const names = items(data.fields).map((f) => str(f.name) || str(f.label));
    return [
      truncate(data.intro),
      names.length ? `→ asks ${joined(names, ", ", 72)}` : "No fields",
      data.mode === "form" ? "As a form" : "",
    ].filter(Boolean);
  },
});
