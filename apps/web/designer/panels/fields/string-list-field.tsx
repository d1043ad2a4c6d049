"use client";
import { cn } from "@pixel/ui";
import { memo, useEffect, useRef } from "react";
import { moveItem, storedValue } from "../form-model.ts";
import { type FieldProps, inputId, useFieldContext } from "./field-context.ts";
import { CONTROL, FieldMessages, INVALID } from "./field-shell.tsx";
import { AddButton, ItemButtons } from "./item-buttons.tsx";

/**
 * A list of short texts (exit phrases, choices). `messages` holds the list's own errors and its items' errors
 * ("Item 2: …"); `itemErrors` marks the invalid inputs.
 */
export const StringListField = memo(function StringListField({
  field,
  path,
  value,
  messages,
  itemErrors,
}: FieldProps<"stringList"> & { itemErrors: ReadonlySet<number> }) {
  const { idPrefix, readOnly, onChange } = useFieldContext();
  const id = inputId(idPrefix, path);
  const list = Array.isArray(value) ? value.map((item) => (typeof item === "string" ? item : "")) : [];
  const focusIndex = useRef<number | null>(null);
  const box = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    if (focusIndex.current === null) return;
    box.current?.querySelector<HTMLInputElement>(`#${CSS.escape(`${id}-${focusIndex.current}`)}`)?.focus();
    focusIndex.current = null;
  });

  const set = (next: string[]) => onChange(path, storedValue(field, next));
  const canAdd = field.maxItems === undefined || list.length < field.maxItems;
  const canRemove = list.length > (field.minItems ?? 0);

  return (
    <fieldset ref={box} className="space-y-1" aria-describedby={messages.length ? `${id}-error` : undefined}>
      <legend className="text-xs font-medium text-slate-800 dark:text-slate-200">{field.label}</legend>
      {list.length ? (
        <ol className="space-y-1">
          {list.map((item, index) => {
            const itemId = `${id}-${index}`;
            return (
              // Texts have no id: position is their identity (moving re-keys, which is harmless for plain inputs).
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <li key={index} className="flex items-center gap-1">
                <label htmlFor={itemId} className="w-5 shrink-0 text-right text-[11px] text-slate-500 tabular-nums">
                  {index + 1}.
                </label>
                <input
                  id={itemId}
                  type="text"
                  value={item}
                  placeholder={field.placeholder}
                  disabled={readOnly}
                  aria-label={`${field.label} ${index + 1}`}
                  aria-invalid={itemErrors.has(index) ? true : undefined}
                  className={cn(CONTROL, "min-w-0", itemErrors.has(index) && INVALID)}
                  onChange={(event) => set(list.map((old, i) => (i === index ? event.target.value : old)))}
                />
                <ItemButtons
                  name={`${field.label} ${index + 1}`}
                  index={index}
                  count={list.length}
                  disabled={readOnly}
                  canRemove={canRemove}
                  onMove={(delta) => set(moveItem(list, index, delta))}
                  onRemove={() => set(list.filter((_, i) => i !== index))}
                />
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-xs text-slate-500 italic">None yet.</p>
      )}
      <AddButton
        label={field.addLabel}
        disabled={readOnly || !canAdd}
        onClick={() => {
          focusIndex.current = list.length;
          set([...list, ""]);
        }}
      />
      <FieldMessages id={id} help={field.help} messages={messages} />
    </fieldset>
  );
});
