"use client";
import { type FlowValidation, validateFlow } from "@pixel/flow";
import { Alert, Button, cn } from "@pixel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { type FormEvent, useEffect, useId, useMemo, useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { Modal } from "../dialogs.tsx";
import { nodeNamer } from "../preview/trace-state.ts";
import { useDesigner } from "../store/designer-store.ts";
import { NOTE_MAX, noteProblem, publishErrorMessage } from "./version-format.ts";

const NO_ISSUES: FlowValidation = { errors: [], warnings: [] };
const SHOWN_ERRORS = 20;

/**
 * Publishes the draft as a new version: a note saying what changed, no validation errors, and the last
 * edits saved first, so what is published is exactly what the builder sees.
 */
export function PublishDialog({
  botId,
  open,
  onClose,
  onPublished,
}: {
  botId: string;
  open: boolean;
  onClose(): void;
  onPublished(number: number): void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Only while open: a closed dialog does not re-render on every edit.
  const doc = useDesigner((s) => (open ? s.doc : null));
  const saveState = useDesigner((s) => s.saveState);
  const saveMessage = useDesigner((s) => s.saveMessage);
  const readOnly = useDesigner((s) => s.readOnly);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  /** Publish was asked for while the last edits were still being saved. */
  const [waiting, setWaiting] = useState(false);
  const noteId = useId();
  const formId = useId();

  const validation = useMemo(() => (doc ? validateFlow(doc) : NO_ISSUES), [doc]);
  const nodeName = useMemo(() => nodeNamer(doc ?? { nodes: [] }), [doc]);
  const errors = validation.errors;

  const publish = useMutation(
    trpc.versions.publish.mutationOptions({
      onSuccess: (version) => {
        void queryClient.invalidateQueries({ queryKey: trpc.versions.list.queryKey({ botId }) });
        setNote("");
        setNoteError(null);
        publish.reset();
        onPublished(version.number);
      },
    }),
  );
  const { mutate, isPending } = publish;

  // Once the last edits are saved, the revision the builder reviewed is the one sent.
  useEffect(() => {
    if (!waiting || saveState !== "saved" || isPending) return;
    setWaiting(false);
    mutate({ botId, note: note.trim(), draftRevision: useDesigner.getState().revision });
  }, [waiting, saveState, isPending, mutate, botId, note]);

  const close = () => {
    if (isPending) return;
    setWaiting(false);
    setNoteError(null);
    publish.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = noteProblem(note);
    setNoteError(problem);
    if (problem || errors.length > 0 || readOnly) return;
    publish.reset();
    setWaiting(true);
  };

  const showNode = (nodeId: string) => {
    close();
    useDesigner.getState().focusNode(nodeId);
  };

  const saving = saveState !== "saved";
  const busy = waiting || isPending;
  return (
    <Modal
      open={open}
      onClose={close}
      title="Publish a new version"
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={isPending}>
            Cancel
          </Button>
          <Button type="submit" form={formId} loading={busy} disabled={errors.length > 0 || readOnly}>
            {busy ? "Publishing…" : "Publish"}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="space-y-4 text-sm">
        {readOnly ? <Alert tone="info">You can view this bot but not publish it.</Alert> : null}

        {errors.length > 0 ? (
          <div role="alert" className="rounded-lg bg-rose-50 p-3 text-rose-800 dark:bg-rose-950 dark:text-rose-200">
            <p className="font-medium">
              Fix {errors.length} error{errors.length === 1 ? "" : "s"} before publishing:
            </p>
            <ul className="mt-2 max-h-48 space-y-1 overflow-y-auto" data-testid="publish-errors">
              {errors.slice(0, SHOWN_ERRORS).map((issue, index) => {
                const nodeId = issue.nodeId ?? issue.nodeIds?.[0];
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id; the list is rebuilt as a whole
                  <li key={`${issue.code}-${index}`} className="flex items-start gap-2">
                    <span className="min-w-0 flex-1">
                      {nodeId ? <strong className="font-semibold">{nodeName(nodeId)}: </strong> : null}
                      {issue.message}
                    </span>
                    {nodeId ? (
                      <button
                        type="button"
                        onClick={() => showNode(nodeId)}
                        className="shrink-0 text-xs font-medium underline hover:no-underline"
                        aria-label={`Show ${nodeName(nodeId)} on the canvas`}
                      >
                        Show
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            {errors.length > SHOWN_ERRORS ? (
              <p className="mt-1 text-xs">…and {errors.length - SHOWN_ERRORS} more in the Issues tab.</p>
            ) : null}
          </div>
        ) : validation.warnings.length > 0 ? (
          <p className="text-xs text-amber-700 dark:text-amber-400">
            {validation.warnings.length} warning{validation.warnings.length === 1 ? "" : "s"} (see the Issues tab) — you
            can still publish.
          </p>
        ) : null}

        <div className="space-y-1.5">
          <label htmlFor={noteId} className="block font-medium text-slate-800 dark:text-slate-200">
            What changed?
          </label>
          <textarea
            id={noteId}
            value={note}
            required
            rows={3}
            maxLength={NOTE_MAX}
            onChange={(event) => {
              setNote(event.target.value);
              if (noteError) setNoteError(noteProblem(event.target.value));
            }}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={`${noteId}-hint`}
            placeholder="e.g. Added a refund branch to the menu"
            className={cn(
              "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none dark:bg-slate-950 dark:text-slate-100 dark:ring-slate-700",
              noteError && "ring-rose-500 dark:ring-rose-500",
            )}
          />
          <p
            id={`${noteId}-hint`}
            className={cn(
              "text-xs",
              noteError ? "text-rose-600 dark:text-rose-400" : "text-slate-500 dark:text-slate-400",
            )}
          >
            {noteError ?? `${note.length}/${NOTE_MAX} characters. Shown in the version history.`}
          </p>
        </div>

        <div aria-live="polite" className="empty:hidden">
          {saving ? <SaveStatus state={saveState} message={saveMessage} waiting={waiting} /> : null}
        </div>
        {publish.error ? <Alert>{publishErrorMessage(publish.error)}</Alert> : null}
      </form>
    </Modal>
  );
}

function SaveStatus({ state, message, waiting }: { state: string; message: string | null; waiting: boolean }) {
  if (state === "saving") {
    return (
      <p className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
        <Loader2 className="size-3.5 animate-spin" aria-hidden />
        Saving your last changes…{waiting ? " Publishing as soon as they are saved." : ""}
      </p>
    );
  }
  const text =
    state === "conflict"
      ? "Some of your changes conflict with a teammate's. Resolve them first; publishing waits until the draft is saved."
      : state === "offline"
        ? "You are offline. Your changes are kept; publishing waits until they are saved."
        : `Your last changes could not be saved${message ? `: ${message}` : "."} Publishing waits until they are.`;
  return <Alert tone="info">{text}</Alert>;
}
