"use client";
import { Check, CloudOff, Loader2, TriangleAlert } from "lucide-react";
import { useDesigner } from "./store/designer-store.ts";

/** Always visible: saved, saving, offline (retried), conflict or refused. */
export function SaveIndicator() {
  const state = useDesigner((s) => s.saveState);
  const message = useDesigner((s) => s.saveMessage);
  const readOnly = useDesigner((s) => s.readOnly);
  if (readOnly) return <span className="text-xs text-slate-500">Read only</span>;
  const view = {
    saved: { icon: <Check className="size-3.5 text-emerald-600" aria-hidden />, text: "Saved" },
    saving: { icon: <Loader2 className="size-3.5 animate-spin" aria-hidden />, text: "Saving…" },
    offline: { icon: <CloudOff className="size-3.5 text-amber-600" aria-hidden />, text: "Offline — will retry" },
    conflict: { icon: <TriangleAlert className="size-3.5 text-amber-600" aria-hidden />, text: "Conflict — choose" },
    error: { icon: <TriangleAlert className="size-3.5 text-rose-600" aria-hidden />, text: "Not saved" },
  }[state];
  return (
    <output
      className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300"
      aria-live="polite"
      data-testid="save-state"
      data-state={state}
      title={message ?? undefined}
    >
      {view.icon}
      {view.text}
    </output>
  );
}
