"use client";
import { cn } from "@pixel/ui";
import { memo } from "react";
import { storedValue } from "../form-model.ts";
import { type FieldProps, inputId, useFieldContext } from "./field-context.ts";
import { CONTROL, describedBy, FieldShell, INVALID } from "./field-shell.tsx";

/** A fixed choice; a stored value the form does not list is still shown, so it is never silently replaced. */
export const SelectField = memo(function SelectField({ field, path, value, messages }: FieldProps<"select">) {
  const { idPrefix, readOnly, onChange } = useFieldContext();
  const id = inputId(idPrefix, path);
  const current = typeof value === "string" ? value : "";
  const listed = field.options.some((option) => option.value === current);
  return (
    <FieldShell id={id} label={field.label} help={field.help} messages={messages}>
      <select
        id={id}
        value={current}
        disabled={readOnly}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(id, field.help, messages)}
        className={cn(CONTROL, messages.length && INVALID)}
        onChange={(event) => onChange(path, storedValue(field, event.target.value))}
      >
        {current === "" ? <option value="">{field.optional ? "None" : "Choose…"}</option> : null}
        {!listed && current !== "" ? <option value={current}>{current}</option> : null}
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
});
