"use client";
import { compareFlows, type FlowDocument, nodeDefinition, nodeForm } from "@pixel/flow";
import { Badge, cn } from "@pixel/ui";
import { useMemo } from "react";
import { useDesigner } from "../store/designer-store.ts";
import { type DiffRow, type DiffTone, diffRows, groupRows, namesFrom, summarize } from "./diff-rows.ts";

const TONE: Record<DiffTone, { sign: string; text: string; row: string }> = {
  added: {
    sign: "+",
    text: "Added",
    row: "border-l-emerald-500 bg-emerald-50/60 dark:bg-emerald-950/40",
  },
  removed: { sign: "−", text: "Removed", row: "border-l-rose-500 bg-rose-50/60 dark:bg-rose-950/40" },
  changed: {
    sign: "~",
    text: "Changed",
    row: "border-l-amber-500 bg-amber-50/60 dark:bg-amber-950/40",
  },
};

const typeLabel = (type: string) => nodeDefinition(type)?.label ?? type;
const fieldLabel = (type: string, field: string) => nodeForm(type)?.fields.find((f) => f.key === field)?.label;

/** What changed from `before` (older) to `after` (newer): nodes, connections, variables, global actions, settings. */
export function VersionDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: FlowDocument;
  after: FlowDocument;
  beforeLabel: string;
  afterLabel: string;
}) {
  const draft = useDesigner((s) => s.doc);
  const rows = useMemo(() => {
    const names = namesFrom([before, after], typeLabel);
    const inDraft = new Set(draft.nodes.map((n) => n.id));
    return diffRows(compareFlows(before, after), {
      ...names,
      typeLabel,
      fieldLabel,
      draftHas: (id) => inDraft.has(id),
    });
  }, [before, after, draft]);
  const groups = groupRows(rows);
  const counts = summarize(rows);

  return (
    <section
      aria-label={`Changes from ${beforeLabel} to ${afterLabel}`}
      className="space-y-3"
      data-testid="version-diff"
    >
      <p className="text-xs text-slate-600 dark:text-slate-300">
        From <strong>{beforeLabel}</strong> to <strong>{afterLabel}</strong>
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          No differences.
        </p>
      ) : (
        <>
          <p className="flex flex-wrap gap-1.5">
            <Badge tone="green">{counts.added} added</Badge>
            <Badge tone="red">{counts.removed} removed</Badge>
            <Badge tone="amber">{counts.changed} changed</Badge>
          </p>
          {groups.map((group) => (
            <div key={group.section}>
              <h4 className="mb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
                {group.title}
              </h4>
              <ul className="space-y-1">
                {group.rows.map((row) => (
                  <DiffLine key={row.key} row={row} />
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function DiffLine({ row }: { row: DiffRow }) {
  const tone = TONE[row.tone];
  const content = (
    <>
      <span aria-hidden className="w-3 shrink-0 text-center font-mono font-bold">
        {tone.sign}
      </span>
      <span className="sr-only">{tone.text}: </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{row.label}</span>
        {row.detail ? (
          <span className="block text-[11px] break-words text-slate-600 dark:text-slate-400">{row.detail}</span>
        ) : null}
      </span>
    </>
  );
  const base = cn("flex w-full items-start gap-2 rounded-md border-l-4 px-2 py-1 text-left text-xs", tone.row);
  const focusId = row.focusNodeId;
  return (
    <li>
      {focusId ? (
        <button
          type="button"
          onClick={() => useDesigner.getState().focusNode(focusId)}
          title="Show on the canvas"
          className={cn(
            base,
            "hover:ring-1 hover:ring-slate-300 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:ring-slate-600",
          )}
        >
          {content}
        </button>
      ) : (
        <div className={base}>{content}</div>
      )}
    </li>
  );
}
