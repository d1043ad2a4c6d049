"use client";
import type { AppRouter } from "@pixel/api";
import { Alert, Button } from "@pixel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useId, useState } from "react";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { Modal } from "../dialogs.tsx";
import { useDesigner } from "../store/designer-store.ts";
import { NOTE_MAX } from "./version-format.ts";

export type Version = inferRouterOutputs<AppRouter>["versions"]["list"][number];

/** Confirms, then makes a version the draft and loads it into the designer. */
export function RestoreDialog({
  version,
  onClose,
  onRestored,
}: {
  version: Version | null;
  onClose(): void;
  onRestored(number: number): void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: async (target: Version) => {
      // Restoring is an edit of the draft like any other: one undoable command, saved (and merged) by autosave.
      const version = await queryClient.fetchQuery({
        ...trpc.versions.get.queryOptions({ versionId: target.id }),
        staleTime: 0,
      });
      useDesigner.getState().replaceDocument(`Restore version ${target.number}`, version.flow);
      return target.number;
    },
    onSuccess: (number) => {
      restore.reset();
      onRestored(number);
    },
  });
  const close = () => {
    if (restore.isPending) return;
    restore.reset();
    onClose();
  };
  return (
    <Modal
      open={version !== null}
      onClose={close}
      title={version ? `Restore version ${version.number} as the draft?` : "Restore"}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={restore.isPending}>
            Cancel
          </Button>
          <Button
            variant="danger"
            loading={restore.isPending}
            onClick={() => (version ? restore.mutate(version) : undefined)}
          >
            Replace the draft
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm">
        <p>
          The current draft, including changes not yet published, will be replaced by version {version?.number}. You can
          undo this (Ctrl/⌘+Z) like any edit; what is live is not affected until you publish.
        </p>
        {restore.error ? <Alert>{messageOf(restore.error)}</Alert> : null}
      </div>
    </Modal>
  );
}

/** Publishes an old version again as the newest, with an optional note. */
export function RepublishDialog({
  botId,
  version,
  onClose,
  onRepublished,
}: {
  botId: string;
  version: Version | null;
  onClose(): void;
  onRepublished(number: number, from: number): void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const noteId = useId();
  const formId = useId();
  const republish = useMutation(
    trpc.versions.republish.mutationOptions({
      onSuccess: (created) => {
        void queryClient.invalidateQueries({ queryKey: trpc.versions.list.queryKey({ botId }) });
        const from = version?.number ?? 0;
        republish.reset();
        setNote("");
        onRepublished(created.number, from);
      },
    }),
  );
  const close = () => {
    if (republish.isPending) return;
    republish.reset();
    setNote("");
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!version || note.length > NOTE_MAX) return;
    republish.mutate({ versionId: version.id, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <Modal
      open={version !== null}
      onClose={close}
      title={version ? `Republish version ${version.number}?` : "Republish"}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={republish.isPending}>
            Cancel
          </Button>
          <Button type="submit" form={formId} loading={republish.isPending} disabled={note.length > NOTE_MAX}>
            Republish
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="space-y-3 text-sm">
        <p>A copy of version {version?.number} is published as the newest version. The draft is not changed.</p>
        <div className="space-y-1.5">
          <label htmlFor={noteId} className="block font-medium">
            Note (optional)
          </label>
          <textarea
            id={noteId}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            rows={3}
            maxLength={NOTE_MAX}
            placeholder={version ? `Republished version ${version.number}` : ""}
            className="block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none dark:bg-slate-950 dark:ring-slate-700"
          />
        </div>
        {republish.error ? <Alert>{messageOf(republish.error)}</Alert> : null}
      </form>
    </Modal>
  );
}
