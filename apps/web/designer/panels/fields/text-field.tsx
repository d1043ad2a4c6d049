"use client";
import { cn } from "@pixel/ui";
import { memo, useRef } from "react";
import { insertAt, storedValue } from "../form-model.ts";
import { type FieldProps, inputId, useFieldContext } from "./field-context.ts";
import { CONTROL, describedBy, FieldShell, INVALID } from "./field-shell.tsx";
import { InsertVariable } from "./insert-variable.tsx";

/** A text input, or a textarea when multiline; template fields get an "Insert variable" menu. */
export const TextField = memo(function TextField({ field, path, value, messages }: FieldProps<"text">) {
  const { idPrefix, readOnly, onChange } = useFieldContext();
  const id = inputId(idPrefix, path);
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const text = typeof value === "string" ? value : "";

  const pick = (name: string) => {
    const element = input.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? start;
    const next = insertAt(text, start, end, `{{${name}}}`);
    onChange(path, storedValue(field, next.text));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  };

  const props = {
    id,
    ref: input,
    value: text,
    placeholder: field.placeholder,
    disabled: readOnly,
    spellCheck: field.code ? false : undefined,
    "aria-invalid": messages.length ? true : undefined,
    "aria-describedby": describedBy(id, field.help, messages),
    className: cn(CONTROL, field.code && "font-mono text-xs", messages.length && INVALID),
    onChange: (event: { target: { value: string } }) => onChange(path, storedValue(field, event.target.value)),
  };

  return (
    <FieldShell
      id={id}
      label={field.label}
      help={field.help}
      messages={messages}
      action={
        field.template ? (
          <InsertVariable
            label={field.label}
            disabled={readOnly}
            onPick={pick}
            onClose={() => input.current?.focus()}
          />
        ) : null
      }
    >
      {field.multiline ? <textarea rows={4} {...props} /> : <input type="text" {...props} />}
    </FieldShell>
  );
});
