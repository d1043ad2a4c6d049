"use client";
import { Button } from "@pixel/ui";
import { type ReactNode, useEffect, useRef } from "react";
import { SHORTCUTS } from "./use-shortcuts.ts";

/** A native modal dialog: focus trapped, Escape closes, the page behind inert. */
export function Modal({
  open,
  onClose,
  title,
  children,
  footer,
}: {
  open: boolean;
  onClose(): void;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open && !ref.current?.open) ref.current?.showModal();
    if (!open && ref.current?.open) ref.current.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-label={title}
      className="m-auto w-[min(32rem,95vw)] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="border-b border-slate-200 p-4 dark:border-slate-700">
        <h2 className="font-semibold">{title}</h2>
      </div>
      <div className="p-4">{children}</div>
      <div className="flex justify-end gap-2 border-t border-slate-200 p-4 dark:border-slate-700">
        {footer ?? (
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        )}
      </div>
    </dialog>
  );
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Modal open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map((s) => (
          <div key={s.keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                {s.keys}
              </kbd>
            </dt>
            <dd className="text-slate-600 dark:text-slate-300">{s.action}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}

export function ImportProblemsDialog({ problems, onClose }: { problems: string[] | null; onClose(): void }) {
  return (
    <Modal open={problems !== null} onClose={onClose} title="This file is not a flow we can import">
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">Nothing was changed. What is wrong:</p>
      <ul className="max-h-64 list-disc space-y-1 overflow-y-auto pl-5 text-sm" data-testid="import-problems">
        {(problems ?? []).slice(0, 20).map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </Modal>
  );
}
