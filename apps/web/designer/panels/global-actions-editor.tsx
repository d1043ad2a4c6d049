"use client";
import type { GlobalAction } from "@pixel/flow";
import { Button, cn } from "@pixel/ui";
import { CornerDownRight, Pencil, Plus, Trash2 } from "lucide-react";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useDesigner } from "../store/designer-store.ts";
import { newId } from "../store/new-node.ts";
import { CONTROL, describedBy, FieldShell, INVALID } from "./fields/field-shell.tsx";
import {
  type ActionDraft,
  actionChange,
  checkAction,
  draftOfAction,
  EMPTY_ACTION_DRAFT,
  removeActionChange,
  triggerSummary,
} from "./global-action-draft.ts";
import { IconButton } from "./icon-button.tsx";
import { nodeOptions, nodeTitle } from "./node-lookup.ts";

type Editing = { mode: "add" } | { mode: "edit"; id: string } | null;

/** Phrases that jump to a node from anywhere in the conversation ("menu", "talk to a person"). */
export function GlobalActionsEditor() {
  const actions = useDesigner((s) => s.doc.globalActions);
  const nodes = useDesigner((s) => s.doc.nodes);
  const readOnly = useDesigner((s) => s.readOnly);
  const [editing, setEditing] = useState<Editing>(null);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);

  const remove = (action: GlobalAction) => {
    useDesigner.getState().apply(`Delete global action ${action.label ?? action.id}`, [removeActionChange(action)]);
  };

  return (
    <div className="space-y-4 p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Global actions</h2>
        <Button
          size="sm"
          variant="secondary"
          disabled={readOnly || editing?.mode === "add"}
          onClick={() => setEditing({ mode: "add" })}
        >
          <Plus className="size-3.5" aria-hidden />
          Add action
        </Button>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Whenever the bot waits for the user, a message matching an action jumps to its node, e.g. “menu” or “talk to a
        person”.
      </p>

      {editing?.mode === "add" ? <ActionEditor original={null} onDone={() => setEditing(null)} /> : null}

      {actions.length === 0 && editing?.mode !== "add" ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-3 text-center text-xs text-slate-500 dark:border-slate-700">
          No global actions yet.
        </p>
      ) : null}

      <ul className="space-y-2">
        {actions.map((action) => {
          if (editing?.mode === "edit" && editing.id === action.id) {
            return (
              <li key={action.id}>
                <ActionEditor original={action} onDone={() => setEditing(null)} />
              </li>
            );
          }
          const target = byId.get(action.target);
          const name = action.label || triggerSummary(action);
          return (
            <li
              key={action.id}
              aria-label={`Global action ${name}`}
              className="flex items-start justify-between gap-2 rounded-lg border border-slate-200 p-2.5 text-xs dark:border-slate-700"
            >
              <div className="min-w-0">
                <p className="text-sm font-medium break-words">{name}</p>
                {action.label ? <p className="text-slate-600 dark:text-slate-300">{triggerSummary(action)}</p> : null}
                <p className={cn("mt-0.5 flex items-center gap-1", target ? "text-slate-500" : "text-rose-600")}>
                  <CornerDownRight className="size-3" aria-hidden />
                  {target ? nodeTitle(target) : `Missing node ${action.target}`}
                </p>
              </div>
              <div className="flex shrink-0">
                <IconButton
                  label={`Edit global action ${name}`}
                  disabled={readOnly}
                  onClick={() => setEditing({ mode: "edit", id: action.id })}
                >
                  <Pencil className="size-3.5" aria-hidden />
                </IconButton>
                <IconButton label={`Delete global action ${name}`} disabled={readOnly} onClick={() => remove(action)}>
                  <Trash2 className="size-3.5" aria-hidden />
                </IconButton>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Add or edit one action; errors show as the builder types, Save makes one command. */
function ActionEditor({ original, onDone }: { original: GlobalAction | null; onDone(): void }) {
  const idPrefix = useId();
  const [actionId] = useState(() => original?.id ?? newId("ga"));
  const [draft, setDraft] = useState<ActionDraft>(() => (original ? draftOfAction(original) : EMPTY_ACTION_DRAFT));
  const [touched, setTouched] = useState<ReadonlySet<keyof ActionDraft>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  // Read when the editor opens: the node list does not change while it is open, except by teammates.
  const [options] = useState(() => nodeOptions(useDesigner.getState().doc));
  const nodeIds = useMemo(() => new Set(options.map((o) => o.id)), [options]);
  const { action, errors } = checkAction(actionId, draft, nodeIds);
  const shown = (key: keyof ActionDraft) => (submitted || touched.has(key) ? (errors[key] ?? []) : []);
  const set = (key: keyof ActionDraft, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched((t) => new Set(t).add(key));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!action) return;
    const name = action.label ?? triggerSummary(action);
    useDesigner
      .getState()
      .apply(original ? `Edit global action ${name}` : `Add global action ${name}`, [actionChange(original, action)]);
    onDone();
  };

  const id = (key: string) => `${idPrefix}-${key}`;
  const labelHelp = "For builders; empty = the trigger is shown.";
  const phrasesHelp =
    draft.kind === "keyword"
      ? "One per line: a message containing any of them (as a word or phrase) triggers the action."
      : "One per line: messages that mean the same trigger the action, in other words too.";
  const targetHelp = "Where the conversation continues.";

  return (
    <form
      onSubmit={submit}
      aria-label={original ? "Edit global action" : "New global action"}
      className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50/40 p-3 dark:border-indigo-900 dark:bg-indigo-950/30"
    >
      <FieldShell id={id("label")} label="Label" help={labelHelp} messages={shown("label")}>
        <input
          id={id("label")}
          type="text"
          value={draft.label}
          placeholder="Back to the menu"
          aria-invalid={shown("label").length ? true : undefined}
          aria-describedby={describedBy(id("label"), labelHelp, shown("label"))}
          className={cn(CONTROL, shown("label").length && INVALID)}
          onChange={(e) => set("label", e.target.value)}
        />
      </FieldShell>
      <FieldShell id={id("kind")} label="Trigger" messages={[]}>
        <select id={id("kind")} value={draft.kind} className={CONTROL} onChange={(e) => set("kind", e.target.value)}>
          <option value="keyword">A keyword or phrase in the message</option>
          <option value="intent">A message meaning the same as an example</option>
        </select>
      </FieldShell>
      <FieldShell
        id={id("phrases")}
        label={draft.kind === "keyword" ? "Keywords" : "Example messages"}
        help={phrasesHelp}
        messages={shown("phrases")}
      >
        <textarea
          id={id("phrases")}
          rows={3}
          value={draft.phrases}
          placeholder={draft.kind === "keyword" ? "menu\nstart over" : "I want to talk to a person"}
          aria-invalid={shown("phrases").length ? true : undefined}
          aria-describedby={describedBy(id("phrases"), phrasesHelp, shown("phrases"))}
          className={cn(CONTROL, shown("phrases").length && INVALID)}
          onChange={(e) => set("phrases", e.target.value)}
        />
      </FieldShell>
      <FieldShell id={id("target")} label="Jump to" help={targetHelp} messages={shown("target")}>
        <select
          id={id("target")}
          value={draft.target}
          aria-invalid={shown("target").length ? true : undefined}
          aria-describedby={describedBy(id("target"), targetHelp, shown("target"))}
          className={cn(CONTROL, shown("target").length && INVALID)}
          onChange={(e) => set("target", e.target.value)}
        >
          <option value="">Choose a node…</option>
          {draft.target && !nodeIds.has(draft.target) ? (
            <option value={draft.target}>{draft.target} (missing node)</option>
          ) : null}
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
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
