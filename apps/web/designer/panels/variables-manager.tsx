"use client";
import type { FlowVariable } from "@pixel/flow";
import { Badge, Button, cn } from "@pixel/ui";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { type FormEvent, useDeferredValue, useId, useMemo, useState } from "react";
import { useDesigner } from "../store/designer-store.ts";
import { CONTROL, describedBy, FieldShell, INVALID } from "./fields/field-shell.tsx";
import { IconButton } from "./icon-button.tsx";
import {
  checkVariable,
  draftOfVariable,
  EMPTY_VARIABLE_DRAFT,
  removeVariableChange,
  VARIABLE_TYPES,
  type VariableDraft,
  variableChanges,
  variableJson,
} from "./variable-draft.ts";
import { readerCount, undeclaredWrites, type VariableUsage, variableUsage } from "./variable-usage.ts";

type Editing = { mode: "add" } | { mode: "edit"; name: string } | null;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The flow's declared variables (add, edit, rename, delete) and the ones nodes set without a declaration. */
export function VariablesManager() {
  const doc = useDesigner((s) => s.doc);
  const readOnly = useDesigner((s) => s.readOnly);
  // Usage walks every node: computed off the urgent path and once per document version.
  const deferred = useDeferredValue(doc);
  const usage = useMemo(() => variableUsage(deferred), [deferred]);
  const undeclared = useMemo(() => undeclaredWrites(deferred, usage), [deferred, usage]);
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const variables = doc.variables;

  const remove = (variable: FlowVariable) => {
    useDesigner.getState().apply(`Delete variable ${variable.name}`, [removeVariableChange(variable)]);
    setConfirming(null);
  };

  const declare = (name: string) => {
    const variable: FlowVariable = { name, type: "string" };
    useDesigner
      .getState()
      .apply(`Declare variable ${name}`, [{ key: `variable/${name}`, before: null, after: variableJson(variable) }]);
  };

  return (
    <div className="space-y-4 p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Variables</h2>
        <Button
          size="sm"
          variant="secondary"
          disabled={readOnly || editing?.mode === "add"}
          onClick={() => setEditing({ mode: "add" })}
        >
          <Plus className="size-3.5" aria-hidden />
          Add variable
        </Button>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Declared variables have a type and a starting value; use them in texts as {"{{name}}"}.
      </p>

      {editing?.mode === "add" ? (
        <VariableEditor
          original={null}
          otherNames={variables.map((v) => v.name)}
          usage={usage}
          onDone={() => setEditing(null)}
        />
      ) : null}

      {variables.length === 0 && editing?.mode !== "add" ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-3 text-center text-xs text-slate-500 dark:border-slate-700">
          No variables declared yet.
        </p>
      ) : null}

      <ul className="space-y-2">
        {variables.map((variable) =>
          editing?.mode === "edit" && editing.name === variable.name ? (
            <li key={variable.name}>
              <VariableEditor
                original={variable}
                otherNames={variables.filter((v) => v.name !== variable.name).map((v) => v.name)}
                usage={usage}
                onDone={() => setEditing(null)}
              />
            </li>
          ) : (
            <li
              key={variable.name}
              className="rounded-lg border border-slate-200 p-2.5 text-xs dark:border-slate-700"
              aria-label={`Variable ${variable.name}`}
            >
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-1.5">
                    <span className="font-mono text-sm font-medium break-all">{variable.name}</span>
                    <Badge>{VARIABLE_TYPES.find((t) => t.value === variable.type)?.label ?? variable.type}</Badge>
                  </div>
                  {variable.default !== undefined ? (
                    <p className="mt-0.5 truncate text-slate-600 dark:text-slate-300">
                      Starts as <span className="font-mono">{JSON.stringify(variable.default)}</span>
                    </p>
                  ) : null}
                  {variable.description ? (
                    <p className="mt-0.5 text-slate-500 dark:text-slate-400">{variable.description}</p>
                  ) : null}
                  <p className="mt-1 text-slate-500">{usageText(usage.get(variable.name))}</p>
                </div>
                <div className="flex shrink-0">
                  <IconButton
                    label={`Edit variable ${variable.name}`}
                    disabled={readOnly}
                    onClick={() => setEditing({ mode: "edit", name: variable.name })}
                  >
                    <Pencil className="size-3.5" aria-hidden />
                  </IconButton>
                  <IconButton
                    label={`Delete variable ${variable.name}`}
                    disabled={readOnly}
                    onClick={() =>
                      readerCount(usage, variable.name) > 0 ? setConfirming(variable.name) : remove(variable)
                    }
                  >
                    <Trash2 className="size-3.5" aria-hidden />
                  </IconButton>
                </div>
              </div>
              {confirming === variable.name ? (
                <div
                  role="alert"
                  className="mt-2 rounded-md bg-amber-50 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
                >
                  <p>
                    {plural(readerCount(usage, variable.name), "node")} read “{variable.name}”. Without the declaration
                    they read an empty value unless a node sets it.
                  </p>
                  <div className="mt-2 flex gap-2">
                    <Button size="sm" variant="danger" onClick={() => remove(variable)}>
                      Delete anyway
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                      Cancel
                    </Button>
                  </div>
                </div>
              ) : null}
            </li>
          ),
        )}
      </ul>

      {undeclared.length ? (
        <section aria-labelledby="undeclared-variables" className="space-y-2">
          <h3 id="undeclared-variables" className="text-xs font-semibold text-slate-700 dark:text-slate-300">
            Set by nodes, not declared
          </h3>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            These work as they are; declaring one gives it a type, a starting value and a description.
          </p>
          <ul className="space-y-1">
            {undeclared.map((name) => (
              <li
                key={name}
                className="flex items-center justify-between gap-2 rounded-lg bg-slate-50 px-2.5 py-1.5 text-xs dark:bg-slate-800/60"
              >
                <span className="min-w-0">
                  <span className="font-mono break-all">{name}</span>
                  <span className="block text-slate-500">{usageText(usage.get(name))}</span>
                </span>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={readOnly}
                  aria-label={`Declare variable ${name}`}
                  onClick={() => declare(name)}
                >
                  Declare
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function usageText(use: VariableUsage | undefined): string {
  const reads = use?.readers.length ?? 0;
  const writes = use?.writers.length ?? 0;
  if (!reads && !writes) return "Not used by any node.";
  return [
    reads ? `Read by ${plural(reads, "node")}` : "Read by no node",
    writes ? `set by ${plural(writes, "node")}` : "",
  ]
    .filter(Boolean)
    .join(", ")
    .concat(".");
}

/** Add or edit one variable; errors show as the builder types, the change is one command on Save. */
function VariableEditor({
  original,
  otherNames,
  usage,
  onDone,
}: {
  original: FlowVariable | null;
  otherNames: string[];
  usage: ReadonlyMap<string, VariableUsage>;
  onDone(): void;
}) {
  const idPrefix = useId();
  const [draft, setDraft] = useState<VariableDraft>(() =>
    original ? draftOfVariable(original) : EMPTY_VARIABLE_DRAFT,
  );
  const [touched, setTouched] = useState<ReadonlySet<keyof VariableDraft>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const { variable, errors } = checkVariable(draft, otherNames);
  const shown = (key: keyof VariableDraft) => (submitted || touched.has(key) ? (errors[key] ?? []) : []);
  const set = (key: keyof VariableDraft, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched((t) => new Set(t).add(key));
  };
  const renamedUses = original && variable && variable.name !== original.name ? readerCount(usage, original.name) : 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!variable) return;
    const label = !original
      ? `Add variable ${variable.name}`
      : original.name !== variable.name
        ? `Rename variable ${original.name} to ${variable.name}`
        : `Edit variable ${variable.name}`;
    useDesigner.getState().apply(label, variableChanges(original, variable));
    onDone();
  };

  const id = (key: string) => `${idPrefix}-${key}`;
  const descriptionHelp = "For builders: what the variable holds.";
  const nameHelp = "Letters, digits and _, not starting with a digit; used as {{name}}.";
  const defaultHelp =
    draft.type === "json"
      ? 'Any JSON value, e.g. {"plan": "basic"}; empty = none.'
      : draft.type === "boolean"
        ? "true or false; empty = none."
        : draft.type === "date"
          ? "A date such as 2025-01-31; empty = none."
          : "The value before any node sets it; empty = none.";

  return (
    <form
      onSubmit={submit}
      aria-label={original ? `Edit variable ${original.name}` : "New variable"}
      className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50/40 p-3 dark:border-indigo-900 dark:bg-indigo-950/30"
    >
      <FieldShell id={id("name")} label="Name" help={nameHelp} messages={shown("name")}>
        <input
          id={id("name")}
          type="text"
          value={draft.name}
          autoComplete="off"
          spellCheck={false}
          placeholder="customer_name"
          aria-invalid={shown("name").length ? true : undefined}
          aria-describedby={describedBy(id("name"), nameHelp, shown("name"))}
          className={cn(CONTROL, "font-mono text-xs", shown("name").length && INVALID)}
          onChange={(e) => set("name", e.target.value)}
        />
      </FieldShell>
      {renamedUses ? (
        <p role="status" className="text-xs text-amber-700 dark:text-amber-300">
          {plural(renamedUses, "node")} read “{original?.name}”: they are not renamed and will need updating.
        </p>
      ) : null}
      <FieldShell id={id("type")} label="Type" messages={shown("type")}>
        <select id={id("type")} value={draft.type} className={CONTROL} onChange={(e) => set("type", e.target.value)}>
          {VARIABLE_TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </FieldShell>
      <FieldShell id={id("default")} label="Default value" help={defaultHelp} messages={shown("defaultText")}>
        <input
          id={id("default")}
          type="text"
          value={draft.defaultText}
          autoComplete="off"
          aria-invalid={shown("defaultText").length ? true : undefined}
          aria-describedby={describedBy(id("default"), defaultHelp, shown("defaultText"))}
          className={cn(CONTROL, draft.type === "json" && "font-mono text-xs", shown("defaultText").length && INVALID)}
          onChange={(e) => set("defaultText", e.target.value)}
        />
      </FieldShell>
      <FieldShell id={id("description")} label="Description" help={descriptionHelp} messages={shown("description")}>
        <textarea
          id={id("description")}
          rows={2}
          value={draft.description}
          aria-invalid={shown("description").length ? true : undefined}
          aria-describedby={describedBy(id("description"), descriptionHelp, shown("description"))}
          className={cn(CONTROL, shown("description").length && INVALID)}
          onChange={(e) => set("description", e.target.value)}
        />
      </FieldShell>
      <div className="flex gap-2">
        <Button type="submit" size="sm">
          {original ? "Save" : "Add"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
