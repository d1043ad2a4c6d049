"use client";
import { cn } from "@pixel/ui";
import { memo, useState } from "react";
import { useDesigner } from "../../store/designer-store.ts";
import { storedValue } from "../form-model.ts";
import { knownVariableNames } from "../variable-usage.ts";
import { type FieldProps, inputId, useFieldContext } from "./field-context.ts";
import { CONTROL, describedBy, FieldShell, INVALID } from "./field-shell.tsx";

// The names are read from the store when the field mounts and when it gets the focus, not on every edit of the
// flow: collecting them walks every node (cached per document version).
const readNames = () => knownVariableNames(useDesigner.getState().doc);

/**
 * A flow variable: declared ones, ones nodes write and last_message. With `allowNew` a combobox (a new name may be
 * typed), otherwise a select.
 */
export const VariableField = memo(function VariableField({ field, path, value, messages }: FieldProps<"variable">) {
  const { idPrefix, readOnly, onChange } = useFieldContext();
  const id = inputId(idPrefix, path);
  const [names, setNames] = useState(readNames);
  const current = typeof value === "string" ? value : "";
  const refresh = () => setNames(readNames());
  const common = {
    id,
    value: current,
    disabled: readOnly,
    onFocus: refresh,
    "aria-invalid": messages.length ? true : undefined,
    "aria-describedby": describedBy(id, field.help, messages),
    className: cn(CONTROL, "font-mono text-xs", messages.length && INVALID),
  };

  if (field.allowNew) {
    return (
      <FieldShell id={id} label={field.label} help={field.help} messages={messages}>
        <input
          type="text"
          list={`${id}-names`}
          autoComplete="off"
          spellCheck={false}
          placeholder={field.optional ? "None" : "variable_name"}
          onChange={(event) => onChange(path, storedValue(field, event.target.value.trim()))}
          {...common}
        />
        <datalist id={`${id}-names`}>
          {names.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </FieldShell>
    );
  }
  return (
    <FieldShell id={id} label={field.label} help={field.help} messages={messages}>
      <select
        onPointerDown={refresh}
        onChange={(event) => onChange(path, storedValue(field, event.target.value))}
        {...common}
      >
        {current === "" ? <option value="">{field.optional ? "None" : "Choose a variable…"}</option> : null}
        {current !== "" && !names.includes(current) ? <option value={current}>{current} (not defined)</option> : null}
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </FieldShell>
  );
});
