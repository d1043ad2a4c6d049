import { capLines, defineNodeForm, items, options, str, truncate, uniqueName } from "../../forms/types.ts";
import type { SetVariableData } from "./node.ts";

export const setVariableForm = defineNodeForm<SetVariableData>({
  icon: "variable",
  color: "amber",
  fields: [
    {
      kind: "list",
      key: "assignments",
      label: "Assignments",
      help: "Applied in order: later assignments see the values set by earlier ones.",
      addLabel: "Add assignment",
      itemLabel: "Assignment",
      minItems: 1,
      maxItems: 50,
      fields: [
        { kind: "variable", key: "variable", label: "Variable", help: "The variable to set.", allowNew: true },
        {
          kind: "select",
          key: "mode",
          label: "Value is",
          help: "literal: text with {{placeholders}}; expression: computed.",
          options: options({ literal: "Text", expression: "Expression" }),
        },
        {
          kind: "text",
          key: "value",
          label: "Text",
          help: "Text with {{variable}} placeholders.",
          placeholder: "{{first_name}} {{last_name}}",
          multiline: true,
          template: true,
          visibleWhen: { key: "mode", oneOf: ["literal"] },
        },
        {
          kind: "text",
          key: "value",
          label: "Expression",
          help: 'Arithmetic, comparisons, and/or, if/then/else over variables, e.g. `price * quantity` or `if score > 7 then "hot" else "cold"`.',
          placeholder: "price * quantity",
          code: true,
          visibleWhen: { key: "mode", oneOf: ["expression"] },
        },
      ],
      newItem: (existing = []) => ({
        variable: uniqueName("value", existing, "variable"),
        mode: "literal",
        value: "",
      }),
    },
  ],
  summary: (data) =>
    capLines(
      items(data.assignments).map((a) => {
        const value = str(a.value);
        return truncate(`${str(a.variable) || "?"} = ${a.mode === "expression" ? value : `"${value}"`}`);
      }),
    ),
});
