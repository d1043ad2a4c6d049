"use client";
import type { FlowConflict, JsonValue } from "@pixel/flow";
import { Button } from "@pixel/ui";
import { useEffect, useRef, useState } from "react";
import { useDesigner } from "./store/designer-store.ts";

/** When a teammate changed the same thing: show both values, and let the builder choose per change. */
export function ConflictDialog() {
  const conflicts = useDesigner((s) => s.conflicts);
  const doc = useDesigner((s) => s.base);
  const [choices, setChoices] = useState<Record<string, "mine" | "theirs">>({});
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (conflicts.length && !dialog.current?.open) {
      setChoices(Object.fromEntries(conflicts.map((c) => [c.key, "mine"])));
      dialog.current?.showModal();
    }
    if (!conflicts.length && dialog.current?.open) dialog.current.close();
  }, [conflicts]);
  const resolve = (all?: "mine" | "theirs") => {
    const final = all ? Object.fromEntries(conflicts.map((c) => [c.key, all])) : choices;
    useDesigner.getState().resolveConflicts(final);
  };
  const label = (conflict: FlowConflict) => {
    const node = doc.nodes.find((n) => n.id === conflict.nodeId);
    const where = node ? node.name || `${node.type} ${node.id}` : conflict.nodeId;
    const what = conflict.key.split("/").slice(2).join(".") || conflict.key.split("/")[0];
    return where ? `${where} — ${what}` : conflict.key;
  };
  return (
    <dialog
      ref={dialog}
      aria-labelledby="conflict-title"
      onCancel={(e) => e.preventDefault()}
      className="m-auto w-[min(40rem,95vw)] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="border-b border-slate-200 p-4 dark:border-slate-700">
        <h2 id="conflict-title" className="font-semibold">
          Someone else changed the same thing
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Your other changes are kept. For each of these, keep your version or take theirs — nothing is overwritten
          until you choose.
        </p>
      </div>
      <ul className="max-h-[50vh] divide-y divide-slate-100 overflow-y-auto dark:divide-slate-800">
        {conflicts.map((conflict) => (
          <li key={conflict.key} className="space-y-2 p-4" data-testid="conflict">
            <p className="text-sm font-medium">{label(conflict)}</p>
            {conflict.reason !== "changed-elsewhere" ? (
              <p className="text-xs text-amber-700 dark:text-amber-400">
                {conflict.reason === "node-deleted"
                  ? "They deleted this node."
                  : "A node this connection uses was deleted."}
              </p>
            ) : null}
            <div className="grid gap-2 sm:grid-cols-2">
              {(["mine", "theirs"] as const).map((side) => (
                <label
                  key={side}
                  className="flex cursor-pointer gap-2 rounded-lg border border-slate-200 p-2 text-xs has-checked:border-indigo-500 dark:border-slate-700"
                >
                  <input
                    type="radio"
                    name={conflict.key}
                    checked={choices[conflict.key] === side}
                    onChange={() => setChoices((c) => ({ ...c, [conflict.key]: side }))}
                  />
                  <span className="min-w-0">
                    <span className="block font-semibold">{side === "mine" ? "Keep mine" : "Take theirs"}</span>
                    <code className="block truncate text-slate-600 dark:text-slate-400">
                      {preview(side === "mine" ? conflict.change.after : conflict.current)}
                    </code>
                  </span>
                </label>
              ))}
            </div>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 p-4 dark:border-slate-700">
        <Button variant="secondary" onClick={() => resolve("theirs")}>
          Take all theirs
        </Button>
        <Button variant="secondary" onClick={() => resolve("mine")}>
          Keep all mine
        </Button>
        <Button onClick={() => resolve()}>Apply choices</Button>
      </div>
    </dialog>
  );
}

function preview(value: JsonValue | null): string {
  if (value === null) return "(deleted)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
