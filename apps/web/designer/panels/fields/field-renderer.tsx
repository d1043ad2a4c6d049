"use client";
import type { FormField } from "@pixel/flow";
import { memo } from "react";
import { getIn, type IssueMap, isVisible, itemMessages, joinPath, messagesAt } from "../form-model.ts";
import { BooleanField } from "./boolean-field.tsx";
import { ListField } from "./list-field.tsx";
import { ModelField } from "./model-field.tsx";
import { NodeField } from "./node-field.tsx";
import { NumberField } from "./number-field.tsx";
import { SelectField } from "./select-field.tsx";
import { StringListField } from "./string-list-field.tsx";
import { TextField } from "./text-field.tsx";
import { VariableField } from "./variable-field.tsx";

const NO_ITEMS: ReadonlySet<number> = new Set();

/**
 * The visible fields of one level: a node's data or one list item (`path` is where `data` sits). Memoised: an
 * unchanged item, with unchanged issues, does not re-render while another is edited.
 */
export const FieldGroup = memo(function FieldGroup({
  fields,
  data,
  path,
  issues,
}: {
  fields: readonly FormField[];
  data: unknown;
  path: string;
  issues: IssueMap;
}) {
  return (
    <div className="space-y-3">
      {fields.map((field) =>
        isVisible(field, data) ? (
          <FieldRenderer
            // Two fields may share a key when their conditions exclude each other: the label tells them apart.
            key={`${field.key}:${field.label}`}
            field={field}
            path={joinPath(path, field.key)}
            value={getIn(data, field.key)}
            issues={issues}
          />
        ) : null,
      )}
    </div>
  );
});

/** One field, by kind; `data-path` tells the form which field has the focus. */
const FieldRenderer = memo(function FieldRenderer({
  field,
  path,
  value,
  issues,
}: {
  field: FormField;
  path: string;
  value: unknown;
  issues: IssueMap;
}) {
  const messages = messagesAt(issues, path);
  return (
    <div data-path={path}>
      {(() => {
        switch (field.kind) {
          case "text":
            return <TextField field={field} path={path} value={value} messages={messages} />;
          case "number":
            return <NumberField field={field} path={path} value={value} messages={messages} />;
          case "boolean":
            return <BooleanField field={field} path={path} value={value} messages={messages} />;
          case "select":
            return <SelectField field={field} path={path} value={value} messages={messages} />;
          case "variable":
            return <VariableField field={field} path={path} value={value} messages={messages} />;
          case "model":
            return <ModelField field={field} path={path} value={value} messages={messages} />;
          case "node":
            return <NodeField field={field} path={path} value={value} messages={messages} />;
          case "stringList": {
            const bad = issues.size ? itemIndexes(issues, path) : NO_ITEMS;
            const all = issues.size ? [...messages, ...itemMessages(issues, path, "Item")] : messages;
            return <StringListField field={field} path={path} value={value} messages={all} itemErrors={bad} />;
          }
          case "list":
            return (
              <ListField
                field={field}
                path={path}
                value={value}
                messages={issues.size ? [...messages, ...itemMessages(issues, path, field.itemLabel)] : messages}
                renderItem={(item, itemPath) => (
                  <FieldGroup fields={field.fields} data={item} path={itemPath} issues={issues} />
                )}
              />
            );
        }
      })()}
    </div>
  );
});

/** The indexes of a string list's items that have errors. */
function itemIndexes(issues: IssueMap, path: string): ReadonlySet<number> {
  const prefix = `${path}.`;
  const out = new Set<number>();
  for (const key of issues.keys()) {
    if (key.startsWith(prefix)) out.add(Number(key.slice(prefix.length).split(".")[0]));
  }
  return out.size ? out : NO_ITEMS;
}
