"use client";
import type { FlowDocument } from "@pixel/flow";
import { Alert, Badge, Button, cn, EmptyState } from "@pixel/ui";
import { skipToken, useQuery } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { type ReactNode, useId, useState } from "react";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { useDesigner } from "../store/designer-store.ts";
import { RepublishDialog, RestoreDialog, type Version } from "./version-dialogs.tsx";
import { VersionDiff } from "./version-diff.tsx";
import { authorOf, DRAFT, deploymentLabel, orderCompared, relativeTime, toggleCompare } from "./version-format.ts";

/** The bot's published versions: compare any two (or one with the draft), restore one as the draft, republish. */
export function VersionsPanel({ botId }: { botId: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.versions.list.queryOptions({ botId }));
  const readOnly = useDesigner((s) => s.readOnly);
  const [selected, setSelected] = useState<string[]>([]);
  const [restoring, setRestoring] = useState<Version | null>(null);
  const [republishing, setRepublishing] = useState<Version | null>(null);
  const [notice, setNotice] = useState("");

  const versions = list.data ?? [];
  const numberOf = (id: string) => versions.find((v) => v.id === id)?.number;
  const pair = orderCompared(selected, numberOf);
  const labelOf = (id: string) => (id === DRAFT ? "Current draft" : `Version ${numberOf(id) ?? "?"}`);
  const toggle = (id: string) => setSelected((s) => toggleCompare(s, id));

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex shrink-0 items-center justify-between border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <h2 className="text-sm font-semibold">Versions</h2>
        {selected.length ? (
          <Button variant="ghost" size="sm" onClick={() => setSelected([])}>
            Clear comparison
          </Button>
        ) : null}
      </div>
      <output aria-live="polite" className="block px-3 empty:hidden">
        {notice ? <span className="mt-2 block text-xs text-emerald-700 dark:text-emerald-400">{notice}</span> : null}
      </output>
      <div className="min-h-0 flex-1 space-y-3 overflow-y-auto p-3">
        {list.isLoading ? (
          <p className="flex items-center gap-2 text-sm text-slate-500" aria-busy="true">
            <Loader2 className="size-4 animate-spin" aria-hidden /> Loading versions…
          </p>
        ) : list.error ? (
          <Alert>{messageOf(list.error)}</Alert>
        ) : versions.length === 0 ? (
          <EmptyState title="No versions yet — publish to create version 1">
            Publishing saves the draft as a version that deployments can run.
          </EmptyState>
        ) : (
          <>
            {pair ? (
              <ComparedVersions before={pair[0]} after={pair[1]} labelOf={labelOf} />
            ) : selected.length === 1 ? (
              <p className="text-xs text-slate-500 dark:text-slate-400" role="status">
                Tick one more to compare with {labelOf(selected[0] ?? "")}.
              </p>
            ) : (
              <p className="text-xs text-slate-500 dark:text-slate-400">
                Tick two versions, or a version and the current draft, to see what changed.
              </p>
            )}
            <ul className="space-y-2" aria-label="Versions">
              <li className="rounded-lg border border-dashed border-slate-300 p-2.5 dark:border-slate-700">
                <CompareBox
                  label="Current draft"
                  checked={selected.includes(DRAFT)}
                  onChange={() => toggle(DRAFT)}
                  text={<span className="text-sm font-medium">Current draft</span>}
                />
              </li>
              {versions.map((version) => (
                <VersionItem
                  key={version.id}
                  version={version}
                  selected={selected.includes(version.id)}
                  readOnly={readOnly}
                  onToggle={() => toggle(version.id)}
                  onRestore={() => setRestoring(version)}
                  onRepublish={() => setRepublishing(version)}
                />
              ))}
            </ul>
          </>
        )}
      </div>
      <RestoreDialog
        version={restoring}
        onClose={() => setRestoring(null)}
        onRestored={(number) => {
          setRestoring(null);
          setNotice(`Version ${number} is now the draft.`);
        }}
      />
      <RepublishDialog
        botId={botId}
        version={republishing}
        onClose={() => setRepublishing(null)}
        onRepublished={(number, from) => {
          setRepublishing(null);
          setNotice(`Published version ${number} (a copy of version ${from}).`);
        }}
      />
    </div>
  );
}

function CompareBox({
  label,
  checked,
  onChange,
  text,
}: {
  label: string;
  checked: boolean;
  onChange(): void;
  text: ReactNode;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={onChange}
        aria-label={`Compare ${label}`}
        className="mt-1 size-4 shrink-0 accent-indigo-600"
      />
      <label htmlFor={id} className="min-w-0 flex-1 cursor-pointer">
        {text}
      </label>
    </div>
  );
}

function VersionItem({
  version,
  selected,
  readOnly,
  onToggle,
  onRestore,
  onRepublish,
}: {
  version: Version;
  selected: boolean;
  readOnly: boolean;
  onToggle(): void;
  onRestore(): void;
  onRepublish(): void;
}) {
  const live = deploymentLabel(version.deploymentCount);
  const createdAt = new Date(version.createdAt);
  return (
    <li
      className={cn(
        "rounded-lg border p-2.5",
        selected ? "border-indigo-400 dark:border-indigo-600" : "border-slate-200 dark:border-slate-700",
      )}
      data-testid="version"
    >
      <CompareBox
        label={`version ${version.number}`}
        checked={selected}
        onChange={onToggle}
        text={
          <>
            <span className="flex flex-wrap items-center gap-1.5">
              <span className="text-sm font-semibold">Version {version.number}</span>
              {live ? <Badge tone="green">{live}</Badge> : null}
            </span>
            <span className="mt-0.5 block text-sm break-words text-slate-700 dark:text-slate-200">{version.note}</span>
            <span className="mt-0.5 block text-xs text-slate-500 dark:text-slate-400">
              {authorOf(version.createdBy)} ·{" "}
              <time dateTime={createdAt.toISOString()} title={createdAt.toLocaleString()}>
                {relativeTime(createdAt)}
              </time>
            </span>
          </>
        }
      />
      {readOnly ? null : (
        <div className="mt-2 flex flex-wrap gap-1.5 pl-6">
          <Button
            variant="secondary"
            size="sm"
            onClick={onRestore}
            aria-label={`Restore version ${version.number} as draft`}
          >
            Restore as draft
          </Button>
          <Button
            variant="secondary"
            size="sm"
            onClick={onRepublish}
            aria-label={`Republish version ${version.number}`}
          >
            Republish
          </Button>
        </div>
      )}
    </li>
  );
}

/** A version's flow, or the live draft. */
function useFlowOf(id: string): { doc: FlowDocument | undefined; error: unknown } {
  const trpc = useTRPC();
  const draft = useDesigner((s) => s.doc);
  const query = useQuery(
    trpc.versions.get.queryOptions(id === DRAFT ? skipToken : { versionId: id }, {
      staleTime: Number.POSITIVE_INFINITY,
    }),
  );
  if (id === DRAFT) return { doc: draft, error: null };
  return { doc: query.data?.flow, error: query.error };
}

function ComparedVersions({ before, after, labelOf }: { before: string; after: string; labelOf(id: string): string }) {
  const a = useFlowOf(before);
  const b = useFlowOf(after);
  const error = a.error ?? b.error;
  return (
    <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      {error ? (
        <Alert>{messageOf(error)}</Alert>
      ) : a.doc && b.doc ? (
        <VersionDiff before={a.doc} after={b.doc} beforeLabel={labelOf(before)} afterLabel={labelOf(after)} />
      ) : (
        <p className="flex items-center gap-2 text-sm text-slate-500" aria-busy="true">
          <Loader2 className="size-4 animate-spin" aria-hidden /> Comparing…
        </p>
      )}
    </div>
  );
}
