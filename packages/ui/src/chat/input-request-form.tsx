"use client";

import type { FieldSpec } from "@pixel/flow";
import { type FormEvent, type InputHTMLAttributes, useId, useRef, useState } from "react";
import type { PendingInput } from "./chat-parts-view.ts";
import { checkForm, describeFormValues, type FieldValue, MAX_TEXT_FIELD } from "./field-validation.ts";
import { fieldControl, primaryButton } from "./styles.ts";

export interface InputRequestFormProps {
  /** The fields the bot asks for, one per `data-input` part. Give the form a new `key` for a new request. */
  inputs: PendingInput[];
  disabled: boolean;
  onSubmit: (values: Record<string, FieldValue>, displayText: string) => void;
}

function inputProps(field: FieldSpec): InputHTMLAttributes<HTMLInputElement> {
  switch (field.type) {
    case "email":
      return { type: "email", inputMode: "email", autoComplete: "email", maxLength: 254 };
    case "phone":
      return { type: "tel", inputMode: "tel", autoComplete: "tel", maxLength: 20 };
    case "number":
      return { type: "number", inputMode: "decimal", step: "any", min: field.min, max: field.max };
    case "date":
      return { type: "date" };
    default:
      return { type: "text", maxLength: MAX_TEXT_FIELD };
  }
}

/** The answer form for a collect-data node: checks the values here, shows the server's errors, sends them. */
export function InputRequestForm({ inputs, disabled, onSubmit }: InputRequestFormProps) {
  const baseId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [edited, setEdited] = useState<Record<string, boolean>>({});
  const fields = inputs.map((input) => input.field);

  const change = (name: string, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setEdited((current) => ({ ...current, [name]: true }));
    setErrors(({ [name]: _cleared, ...rest }) => rest);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (disabled) return;
    const result = checkForm(fields, values);
    setErrors(result.errors);
    const firstInvalid = fields.find((f) => result.errors[f.name]);
    if (firstInvalid) {
      formRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(firstInvalid.name)}"]`)?.focus();
      return;
    }
    onSubmit(result.values, describeFormValues(result.values));
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      aria-label="Answer form"
      className="w-full max-w-sm space-y-3 rounded-2xl rounded-bl-sm bg-slate-100 p-3 dark:bg-slate-800"
    >
      {inputs.map(({ field, error: serverError }, index) => {
        const id = `${baseId}-${index}`;
        const error = errors[field.name] ?? (edited[field.name] ? undefined : serverError);
        const common = {
          id,
          name: field.name,
          "data-field": field.name,
          value: values[field.name] ?? "",
          disabled,
          required: field.required,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": error ? `${id}-error` : undefined,
          className: fieldControl,
        } as const;
        return (
          <div key={field.name} className="space-y-1">
            <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
              {field.label || field.name}
              {field.required ? (
                <span aria-hidden className="text-rose-600 dark:text-rose-400">
                  {" *"}
                </span>
              ) : null}
            </label>
            {field.type === "select" && field.options?.length ? (
              <select {...common} onChange={(e) => change(field.name, e.target.value)}>
                <option value="">{field.placeholder || "Choose…"}</option>
                {field.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                {...inputProps(field)}
                placeholder={field.placeholder}
                onChange={(e) => change(field.name, e.target.value)}
              />
            )}
            {error ? (
              <p id={`${id}-error`} role="alert" className="text-xs text-rose-700 dark:text-rose-300">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <div className="flex justify-end">
        <button type="submit" disabled={disabled} className={primaryButton}>
          Send
        </button>
      </div>
    </form>
  );
}
