"use client";
import { ArrowDown, ArrowUp, Plus, X } from "lucide-react";

const ICON_BUTTON =
  "grid size-6 shrink-0 place-items-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:pointer-events-none disabled:opacity-30 dark:hover:bg-slate-800 dark:hover:text-slate-100";

/** Move up, move down and remove for one item of a list; `name` makes the buttons' labels ("Option 2"). */
export function ItemButtons({
  name,
  index,
  count,
  disabled,
  canRemove,
  onMove,
  onRemove,
}: {
  name: string;
  index: number;
  count: number;
  disabled: boolean;
  canRemove: boolean;
  onMove(delta: number): void;
  onRemove(): void;
}) {
  return (
    <span className="flex shrink-0 items-center">
      <button
        type="button"
        className={ICON_BUTTON}
        aria-label={`Move ${name} up`}
        title="Move up"
        disabled={disabled || index === 0}
        onClick={() => onMove(-1)}
      >
        <ArrowUp className="size-3.5" aria-hidden />
      </button>
      <button
        type="button"
        className={ICON_BUTTON}
        aria-label={`Move ${name} down`}
        title="Move down"
        disabled={disabled || index === count - 1}
        onClick={() => onMove(1)}
      >
        <ArrowDown className="size-3.5" aria-hidden />
      </button>
      <button
        type="button"
        className={ICON_BUTTON}
        aria-label={`Remove ${name}`}
        title="Remove"
        disabled={disabled || !canRemove}
        onClick={onRemove}
      >
        <X className="size-3.5" aria-hidden />
      </button>
    </span>
  );
}

export function AddButton({ label, disabled, onClick }: { label: string; disabled: boolean; onClick(): void }) {
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={onClick}
      className="inline-flex items-center gap-1 rounded-lg px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
    >
      <Plus className="size-3.5" aria-hidden />
      {label}
    </button>
  );
}
