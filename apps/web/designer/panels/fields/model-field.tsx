"use client";
import { cn } from "@pixel/ui";
import { memo } from "react";
import { storedValue } from "../form-model.ts";
import { type FieldProps, inputId, useFieldContext } from "./field-context.ts";
import { CONTROL, describedBy, FieldShell, INVALID } from "./field-shell.tsx";

/**
 * Suggestions only: any "provider:model" id or hint is accepted. Hard-coded because @pixel/ai (whose
 * MODEL_CATALOGUE lists the models) is not a runtime dependency of the web app; "fast" and "smart" are the
 * capability hints the AI layer resolves (see ModelPreference in @pixel/flow).
 */
export const MODEL_SUGGESTIONS = [
  "fast",
  "smart",
  "openai:gpt-4o-mini",
  "openai:gpt-4o",
  "openai:gpt-4.1-mini",
  "openai:gpt-5-mini",
  "anthropic:claude-haiku-4-5",
  "anthropic:claude-sonnet-4-5",
  "google:gemini-2.5-flash",
  "google:gemini-2.5-pro",
  "mistral:mistral-small-latest",
];

/** An AI model id, typed or picked from suggestions; with `emptyLabel`, empty means that default. */
export const ModelField = memo(function ModelField({ field, path, value, messages }: FieldProps<"model">) {
  const { idPrefix, readOnly, onChange } = useFieldContext();
  const id = inputId(idPrefix, path);
  return (
    <FieldShell id={id} label={field.label} help={field.help} messages={messages}>
      <input
        id={id}
        type="text"
        list={`${id}-models`}
        autoComplete="off"
        spellCheck={false}
        value={typeof value === "string" ? value : ""}
        placeholder={field.emptyLabel ?? "provider:model"}
        disabled={readOnly}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(id, field.help, messages)}
        className={cn(CONTROL, "font-mono text-xs", messages.length && INVALID)}
        onChange={(event) => onChange(path, storedValue(field, event.target.value.trim()))}
      />
      <datalist id={`${id}-models`}>
        {MODEL_SUGGESTIONS.map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
    </FieldShell>
  );
});
