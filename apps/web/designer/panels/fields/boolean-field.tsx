"use client";
import { memo } from "react";
import { type FieldProps, inputId, useFieldContext } from "./field-context.ts";
import { describedBy, FieldMessages } from "./field-shell.tsx";

/** A checkbox drawn as a switch, label beside it. */
export const BooleanField = memo(function BooleanField({ field, path, value, messages }: FieldProps<"boolean">) {
  const { idPrefix, readOnly, onChange } = useFieldContext();
  const id = inputId(idPrefix, path);
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2.5">
        <span className="relative inline-flex shrink-0">
          <input
            id={id}
            type="checkbox"
            role="switch"
            checked={value === true}
            aria-checked={value === true}
            disabled={readOnly}
            aria-invalid={messages.length ? true : undefined}
            aria-describedby={describedBy(id, field.help, messages)}
            onChange={(event) => onChange(path, event.target.checked)}
            className="peer sr-only"
          />
          <span
            aria-hidden
            className="h-5 w-9 rounded-full bg-slate-300 transition-colors peer-checked:bg-indigo-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-500 peer-disabled:opacity-60 dark:bg-slate-600 dark:peer-checked:bg-indigo-500"
          />
          <span
            aria-hidden
            className="pointer-events-none absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow transition-transform peer-checked:translate-x-4"
          />
        </span>
        <label htmlFor={id} className="text-xs font-medium text-slate-800 dark:text-slate-200">
          {field.label}
        </label>
      </div>
      <FieldMessages id={id} help={field.help} messages={messages} />
    </div>
  );
});
