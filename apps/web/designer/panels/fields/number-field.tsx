"use client";
import { cn } from "@pixel/ui";
import { memo, useEffect, useState } from "react";
import { storedValue } from "../form-model.ts";
import { type FieldProps, inputId, useFieldContext } from "./field-context.ts";
import { CONTROL, describedBy, FieldShell, INVALID } from "./field-shell.tsx";

const toText = (value: unknown) => (typeof value === "number" ? String(value) : "");
/** The number typed, or undefined while the input is empty or not a number yet ("-", "1e"). */
const toNumber = (text: string) => {
  const number = text.trim() === "" ? Number.NaN : Number(text);
  return Number.isFinite(number) ? number : undefined;
};

/** A number input; the text typed is kept locally so "0." or "-" can be typed on the way to a number. */
export const NumberField = memo(function NumberField({ field, path, value, messages }: FieldProps<"number">) {
  const { idPrefix, readOnly, onChange } = useFieldContext();
  const id = inputId(idPrefix, path);
  const [text, setText] = useState(() => toText(value));

  useEffect(() => {
    setText((current) => (toNumber(current) === value ? current : toText(value)));
  }, [value]);

  return (
    <FieldShell id={id} label={field.label} help={field.help} unit={field.unit} messages={messages}>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        min={field.min}
        max={field.max}
        step={field.step ?? "any"}
        disabled={readOnly}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(id, field.help, messages)}
        className={cn(CONTROL, messages.length && INVALID)}
        onChange={(event) => {
          setText(event.target.value);
          onChange(path, storedValue(field, toNumber(event.target.value)));
        }}
      />
    </FieldShell>
  );
});
