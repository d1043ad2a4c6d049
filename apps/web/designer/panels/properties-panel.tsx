"use client";
import { type FormField, flowSettingsSchema, type JsonValue, nodeDefinition, nodeForm } from "@pixel/flow";
import { Button, cn } from "@pixel/ui";
import { MousePointerClick, Trash2 } from "lucide-react";
import { useCallback, useId, useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { ACCENTS, nodeIcon } from "../canvas/node-icons.ts";
import { useDesigner } from "../store/designer-store.ts";
import { nodeFieldChange, removeEntitiesChanges } from "../store/node-changes.ts";
import { FieldContext, type FieldContextValue } from "./fields/field-context.ts";
import { FieldGroup } from "./fields/field-renderer.tsx";
import { type IssueMap, topField, unclaimedIssues } from "./form-model.ts";
import { NodeNameField } from "./node-name-field.tsx";
import { type SafeParser, useDraft } from "./use-draft.ts";
import { currentNode, type NodeView, useNodeView } from "./use-node-view.ts";

/** The inspector's first tab: the selected node's form, the selection's size, or the flow's settings. */
export function PropertiesPanel() {
  const count = useDesigner((s) => s.selectedNodeIds.length);
  const selectedId = useDesigner((s) => (s.selectedNodeIds.length === 1 ? (s.selectedNodeIds[0] ?? null) : null));
  if (selectedId) return <NodeProperties key={selectedId} nodeId={selectedId} />;
  if (count > 1) return <MultipleSelected count={count} />;
  return <FlowSettings />;
}

function NodeProperties({ nodeId }: { nodeId: string }) {
  const view = useNodeView(nodeId);
  if (!view) {
    return <p className="p-4 text-sm text-slate-500">This node no longer exists (it was deleted).</p>;
  }
  const definition = nodeDefinition(view.type);
  const form = nodeForm(view.type);
  const accent = ACCENTS[form?.color ?? "slate"] ?? ACCENTS.slate;
  const Icon = nodeIcon(form?.icon);
  return (
    <div className="space-y-4 p-4">
      <header className="flex gap-2.5">
        <span className={cn("grid size-8 shrink-0 place-items-center rounded-lg", accent?.chip)}>
          <Icon className={cn("size-4", accent?.icon)} aria-hidden />
        </span>
        <div className="min-w-0">
          <h2 className="text-sm font-semibold text-slate-900 dark:text-slate-100">{definition?.label ?? view.type}</h2>
          {definition?.description ? (
            <p className="text-xs text-slate-500 dark:text-slate-400">{definition.description}</p>
          ) : null}
          <p className="mt-0.5 font-mono text-[10px] text-slate-400">{view.id}</p>
        </div>
      </header>
      <NodeNameField nodeId={nodeId} name={view.name} />
      {form && definition ? (
        form.fields.length ? (
          <NodeDataForm view={view} fields={form.fields} schema={definition.schema} label={definition.label} />
        ) : (
          <p className="text-sm text-slate-500">This node has no settings.</p>
        )
      ) : (
        <p className="text-sm text-rose-600">Unknown node type “{view.type}”: it cannot be edited here.</p>
      )}
    </div>
  );
}

/** The node's data as a form: each valid edit is one command (typing in a field coalesces into one). */
function NodeDataForm({
  view,
  fields,
  schema,
  label,
}: {
  view: NodeView;
  fields: readonly FormField[];
  schema: SafeParser;
  label: string;
}) {
  const nodeId = view.id;
  const readOnly = useDesigner((s) => s.readOnly);
  const idPrefix = useId();
  const commit = useCallback(
    (candidate: Record<string, unknown>, changed: string[], path: string) => {
      const node = currentNode(nodeId);
      if (!node) return;
      const changes = changed.map((field) => nodeFieldChange(node, field, candidate[field] as JsonValue | undefined));
      useDesigner.getState().apply(`Edit ${label}`, changes, `${nodeId}:${topField(path)}`);
    },
    [nodeId, label],
  );
  const { draft, issues, change, focusProps } = useDraft({ stored: view.data, schema, commit });
  const context = useMemo<FieldContextValue>(
    () => ({ idPrefix, readOnly, onChange: change, selfNodeId: nodeId }),
    [idPrefix, readOnly, change, nodeId],
  );
  return (
    <FieldContext value={context}>
      <form className="space-y-3" onSubmit={(event) => event.preventDefault()} {...focusProps}>
        <UnsavedNote issues={issues} fields={fields} data={draft} />
        <FieldGroup fields={fields} data={draft} path="" issues={issues} />
      </form>
    </FieldContext>
  );
}

/** Shown while the form holds invalid input: nothing is saved until it is fixed. */
function UnsavedNote({ issues, fields, data }: { issues: IssueMap; fields: readonly FormField[]; data: unknown }) {
  if (issues.size === 0) return null;
  const others = unclaimedIssues(issues, fields, data);
  return (
    <div
      role="status"
      className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      <p className="font-medium">Not saved until fixed.</p>
      {others.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-4">
          {others.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path ? <span className="font-mono">{issue.path}: </span> : null}
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function MultipleSelected({ count }: { count: number }) {
  const readOnly = useDesigner((s) => s.readOnly);
  const remove = () => {
    const { doc, selectedNodeIds, apply, select } = useDesigner.getState();
    const ids = new Set(selectedNodeIds);
    const nodes = doc.nodes.filter((n) => ids.has(n.id));
    const edges = doc.edges.filter((e) => ids.has(e.source) || ids.has(e.target));
    if (!nodes.length) return;
    apply(`Delete ${nodes.length} nodes`, removeEntitiesChanges(nodes, edges));
    select([]);
  };
  return (
    <div className="space-y-3 p-4">
      <h2 className="text-sm font-semibold">{`${count} nodes selected`}</h2>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Select a single node to edit its properties. Deleting also removes the connections of these nodes.
      </p>
      <Button variant="danger" size="sm" disabled={readOnly} onClick={remove}>
        <Trash2 className="size-3.5" aria-hidden />
        {`Delete ${count} nodes`}
      </Button>
    </div>
  );
}

const SETTINGS_FIELDS: FormField[] = [
  {
    kind: "text",
    key: "language",
    label: "Language",
    help: "Language tag of the bot's conversations, e.g. en or de-CH.",
    placeholder: "en",
  },
  {
    kind: "number",
    key: "typingDelayMs",
    label: "Typing delay",
    help: "How long the typing indicator shows before each message, unless the message sets its own.",
    min: 0,
    max: 10_000,
    step: 100,
    unit: "ms",
  },
  {
    kind: "number",
    key: "stepBudget",
    label: "Step budget",
    help: "Most nodes one turn may run before the flow is stopped as a runaway loop.",
    min: 10,
    max: 10_000,
    step: 10,
  },
];

/** The settings schema, with every field required: an emptied field is an error, not a silent default. */
const settingsParser: SafeParser = {
  safeParse(value) {
    const data = (value ?? {}) as Record<string, unknown>;
    const missing = SETTINGS_FIELDS.filter((f) => data[f.key] === undefined).map((f) => ({
      path: [f.key],
      message: "Required",
    }));
    return missing.length ? { success: false, error: { issues: missing } } : flowSettingsSchema.safeParse(value);
  },
};

function FlowSettings() {
  const settings = useDesigner(useShallow((s) => s.doc.settings));
  const readOnly = useDesigner((s) => s.readOnly);
  const idPrefix = useId();
  const commit = useCallback((candidate: Record<string, unknown>, changed: string[], path: string) => {
    const current = useDesigner.getState().doc.settings as Record<string, unknown>;
    const changes = changed.map((field) => ({
      key: `settings/${field}`,
      before: (current[field] ?? null) as JsonValue | null,
      after: (candidate[field] ?? null) as JsonValue | null,
    }));
    useDesigner.getState().apply("Edit flow settings", changes, `settings:${topField(path)}`);
  }, []);
  const { draft, issues, change, focusProps } = useDraft({
    stored: settings as Record<string, unknown>,
    schema: settingsParser,
    commit,
  });
  const context = useMemo<FieldContextValue>(
    () => ({ idPrefix, readOnly, onChange: change, selfNodeId: null }),
    [idPrefix, readOnly, change],
  );
  return (
    <div className="space-y-4 p-4">
      <div className="flex gap-2 rounded-lg bg-slate-50 p-3 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
        <MousePointerClick className="size-4 shrink-0" aria-hidden />
        <p>Select a node on the canvas to edit it. With nothing selected, these are the whole flow's settings.</p>
      </div>
      <h2 className="text-sm font-semibold">Flow settings</h2>
      <FieldContext value={context}>
        <form className="space-y-3" onSubmit={(event) => event.preventDefault()} {...focusProps}>
          <UnsavedNote issues={issues} fields={SETTINGS_FIELDS} data={draft} />
          <FieldGroup fields={SETTINGS_FIELDS} data={draft} path="" issues={issues} />
        </form>
      </FieldContext>
    </div>
  );
}
