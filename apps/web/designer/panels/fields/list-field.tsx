"use client";
import type { ReactNode } from "react";
import { joinPath, moveItem, storedValue } from "../form-model.ts";
import { type FieldProps, inputId, useFieldContext } from "./field-context.ts";
import { FieldMessages } from "./field-shell.tsx";
import { AddButton, ItemButtons } from "./item-buttons.tsx";

/**
 * A list of objects (options, branches, fields): each item in a card with its own fields, rendered by
 * `renderItem`. Keys the form hides (item ids) are kept as they are; new items come from the form's `newItem`.
 */
export function ListField({
  field,
  path,
  value,
  messages,
  renderItem,
}: FieldProps<"list"> & { renderItem(item: unknown, itemPath: string): ReactNode }) {
  const { idPrefix, readOnly, onChange } = useFieldContext();
  const id = inputId(idPrefix, path);
  const list: unknown[] = Array.isArray(value) ? value : [];
  const set = (next: unknown[]) => onChange(path, storedValue(field, next));
  const canAdd = field.maxItems === undefined || list.length < field.maxItems;
  const canRemove = list.length > (field.minItems ?? 0);

  return (
    <fieldset className="space-y-2" aria-describedby={messages.length ? `${id}-error` : undefined}>
      <legend className="text-xs font-medium text-slate-800 dark:text-slate-200">{field.label}</legend>
      {list.map((item, index) => {
        const name = `${field.itemLabel} ${index + 1}`;
        const itemId = (item as { id?: unknown } | null)?.id;
        return (
          <section
            // Items with an id keep their identity when moved; the others are keyed by position.
            key={typeof itemId === "string" ? itemId : index}
            aria-label={name}
            className="rounded-lg border border-slate-200 bg-slate-50/60 p-2 dark:border-slate-700 dark:bg-slate-950/40"
          >
            <div className="mb-1.5 flex items-center justify-between gap-2">
              <h4 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{name}</h4>
              <ItemButtons
                name={name}
                index={index}
                count={list.length}
                disabled={readOnly}
                canRemove={canRemove}
                onMove={(delta) => set(moveItem(list, index, delta))}
                onRemove={() => set(list.filter((_, i) => i !== index))}
              />
            </div>
            {renderItem(item, joinPath(path, index))}
          </section>
        );
      })}
      {list.length === 0 ? <p className="text-xs text-slate-500 italic">None yet.</p> : null}
      <AddButton
        label={field.addLabel}
        disabled={readOnly || !canAdd}
        onClick={() => set([...list, field.newItem(list)])}
      />
      <FieldMessages id={id} help={field.help} messages={messages} />
    </fieldset>
  );
}
