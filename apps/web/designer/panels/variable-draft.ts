import { type FlowChange, type FlowVariable, flowVariableSchema, type JsonValue } from "@pixel/flow";
import { friendlyMessage } from "./form-model.ts";

export type VariableType = FlowVariable["type"];

export const VARIABLE_TYPES: { value: VariableType; label: string }[] = [
  { value: "string", label: "Text" },
  { value: "number", label: "Number" },
  { value: "boolean", label: "Yes / no" },
  { value: "date", label: "Date" },
  { value: "json", label: "JSON" },
];

/** The variable editor's inputs, as typed. */
export interface VariableDraft {
  name: string;
  type: VariableType;
  /** The default value as text; empty = no default. */
  defaultText: string;
  description: string;
}

export type VariableErrors = Partial<Record<keyof VariableDraft, string[]>>;

export const EMPTY_VARIABLE_DRAFT: VariableDraft = { name: "", type: "string", defaultText: "", description: "" };

export function draftOfVariable(variable: FlowVariable): VariableDraft {
  const value = variable.default;
  const defaultText =
    value === undefined || value === null
      ? ""
      : typeof value === "string" && variable.type !== "json"
        ? value
        : JSON.stringify(value);
  return { name: variable.name, type: variable.type, defaultText, description: variable.description ?? "" };
}

/** The default typed for a type: text as it is, numbers, true/false or JSON; "" = none. */
export function parseDefault(
  type: VariableType,
  text: string,
): { ok: true; value: JsonValue | undefined } | { ok: false; message: string } {
  if (text.trim() === "") return { ok: true, value: undefined };
  switch (type) {
    case "string":
    case "date":
      return { ok: true, value: text };
    case "number": {
      const number = Number(text.trim());
      return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, message: "Enter a number." };
    }
    case "boolean":
      if (text.trim() === "true") return { ok: true, value: true };
      if (text.trim() === "false") return { ok: true, value: false };
      return { ok: false, message: "Enter true or false." };
    case "json":
      try {
        return { ok: true, value: JSON.parse(text) as JsonValue };
      } catch {
        return { ok: false, message: "This is not valid JSON." };
      }
  }
}

/**
 * The variable the draft describes, or the errors per input: the schema's (name pattern, lengths), a name that
 * another variable has, and a default that does not fit the type.
 */
export function checkVariable(
  draft: VariableDraft,
  otherNames: readonly string[],
): { variable: FlowVariable | null; errors: VariableErrors } {
  const errors: VariableErrors = {};
  const add = (key: keyof VariableDraft, message: string) => {
    const list = errors[key] ?? [];
    if (!list.includes(message)) list.push(message);
    errors[key] = list;
  };
  const name = draft.name.trim();
  if (!name) add("name", "Enter a name.");
  else if (otherNames.includes(name)) add("name", `A variable named “${name}” already exists.`);

  const parsedDefault = parseDefault(draft.type, draft.defaultText);
  if (!parsedDefault.ok) add("defaultText", parsedDefault.message);

  const description = draft.description.trim();
  const candidate = {
    name,
    type: draft.type,
    ...(parsedDefault.ok && parsedDefault.value !== undefined ? { default: parsedDefault.value } : {}),
    ...(description ? { description } : {}),
  };
  const result = flowVariableSchema.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      const field: keyof VariableDraft =
        key === "default" ? "defaultText" : key === "type" ? "type" : key === "description" ? "description" : "name";
      if (field === "name" && !name) continue; // "Enter a name." says it already.
      add(field, friendlyMessage(issue.message));
    }
  }
  return Object.keys(errors).length ? { variable: null, errors } : { variable: candidate as FlowVariable, errors };
}

/** A variable as its flat key stores it: JSON, no undefined keys. */
export function variableJson(variable: FlowVariable): JsonValue {
  return JSON.parse(JSON.stringify(variable)) as JsonValue;
}

/** Adding, editing or renaming a variable (a rename is the old key removed and the new one added). */
export function variableChanges(original: FlowVariable | null, next: FlowVariable): FlowChange[] {
  const after = variableJson(next);
  if (!original) return [{ key: `variable/${next.name}`, before: null, after }];
  const before = variableJson(original);
  if (original.name === next.name) return [{ key: `variable/${next.name}`, before, after }];
  return [
    { key: `variable/${original.name}`, before, after: null },
    { key: `variable/${next.name}`, before: null, after },
  ];
}

export function removeVariableChange(variable: FlowVariable): FlowChange {
  return { key: `variable/${variable.name}`, before: variableJson(variable), after: null };
}
