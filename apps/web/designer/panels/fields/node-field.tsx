"use client";
import { cn } from "@pixel/ui";
import { memo, useState } from "react";
import { useDesigner } from "../../store/designer-store.ts";
import { storedValue } from "../form-model.ts";
import { nodeOptions } from "../node-lookup.ts";
import { type FieldProps, inputId, useFieldContext } from "./field-context.ts";
import { CONTROL, describedBy, FieldShell, INVALID } from "./field-shell.tsx";

/** Another node of the flow (a jump target), listed by name, type and id; read on mount and on focus. */
export const NodeField = memo(function NodeField({ field, path, value, messages }: FieldProps<"node">) {
  const { idPrefix, readOnly, onChange, selfNodeId } = useFieldContext();
  const id = inputId(idPrefix, path);
  const read = () => nodeOptions(useDesigner.getState().doc, selfNodeId);
  const [options, setOptions] = useState(read);
  const current = typeof value === "string" ? value : "";
  const refresh = () => setOptions(read());
  return (
    <FieldShell id={id} label={field.label} help={field.help} messages={messages}>
      <select
        id={id}
        value={current}
        disabled={readOnly}
        onFocus={refresh}
        onPointerDown={refresh}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(id, field.help, messages)}
        className={cn(CONTROL, messages.length && INVALID)}
        onChange={(event) => onChange(path, storedValue(field, event.target.value))}
      >
        {current === "" ? <option value="">Choose a node…</option> : null}
        {current !== "" && !options.some((o) => o.id === current) ? (
          <option value={current}>{current} (missing node)</option>
        ) : null}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
});
