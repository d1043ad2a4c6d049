import { defineNodeForm, items, joined, options, str, truncate, uniqueName } from "../../forms/types.ts";
import type { AiAnalysisData } from "./node.ts";

export const aiAnalysisForm = defineNodeForm<AiAnalysisData>({
  icon: "brain-circuit",
  color: "indigo",
  fields: [
    {
      kind: "text",
      key: "instructions",
      label: "Instructions",
      help: "What to analyse, with {{variable}} placeholders.",
      placeholder: "Classify the user's request.",
      multiline: true,
      template: true,
    },
    {
      kind: "list",
      key: "fields",
      label: "Output fields",
      help: "The structured answer the model must give; each field is written to a variable.",
      addLabel: "Add field",
      itemLabel: "Field",
      minItems: 1,
      maxItems: 30,
      fields: [
        {
          kind: "text",
          key: "name",
          label: "Field name",
          help: "Field of the model's answer (letters, digits and _); unique within the node.",
          placeholder: "category",
        },
        {
          kind: "select",
          key: "type",
          label: "Type",
          help: "list = a list of strings.",
          options: options({ string: "Text", number: "Number", boolean: "Yes / no", array: "List of texts" }),
        },
        {
          kind: "text",
          key: "description",
          label: "Description",
          help: "Tells the model what to put there.",
          placeholder: "One word.",
          multiline: true,
        },
        {
          kind: "stringList",
          key: "enum",
          label: "Allowed values",
          help: "For text: the only values the model may give; empty = any text.",
          addLabel: "Add value",
          maxItems: 50,
          optional: true,
          visibleWhen: { key: "type", oneOf: ["string"] },
        },
        {
          kind: "variable",
          key: "variable",
          label: "Save to variable",
          help: "Variable that receives the field; empty = the field's name.",
          allowNew: true,
          optional: true,
        },
      ],
      newItem: (existing = []) => ({ name: uniqueName("field", existing), type: "string", description: "" }),
    },
    {
      kind: "boolean",
      key: "includeVariables",
      label: "Include collected variables",
      help: "Also give the model every variable collected so far, so it sees the user's answers without placeholders.",
    },
    {
      kind: "model",
      key: "model",
      label: "Model",
      help: "Model preference, e.g. 'openai:gpt-4o-mini'.",
      emptyLabel: "Active expert's model",
    },
    {
      kind: "number",
      key: "temperature",
      label: "Temperature",
      help: "0 = focused and repeatable, 2 = most varied.",
      min: 0,
      max: 2,
      step: 0.1,
    },
    { kind: "number", key: "maxTokens", label: "Max answer length", min: 1, max: 32_000, step: 1, unit: "tokens" },
  ],
  summary: (data) => {
    const outputs = items(data.fields).map((f) => str(f.variable) || str(f.name));
    return [
      truncate(data.instructions) || "(no instructions)",
      outputs.length ? `→ ${joined(outputs, ", ", 76)}` : "No output fields",
      str(data.model) || "Expert's model",
    ];
  },
});
