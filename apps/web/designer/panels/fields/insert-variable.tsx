"use client";
import { Braces } from "lucide-react";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useDesigner } from "../../store/designer-store.ts";
import { knownVariableNames } from "../variable-usage.ts";

/** "Insert variable" button and menu: picking a name calls `onPick` (the text field inserts {{name}}). */
export function InsertVariable({
  label,
  disabled,
  onPick,
  onClose,
}: {
  label: string;
  disabled: boolean;
  onPick(name: string): void;
  /** Closed without a pick: the caller puts the focus back in its input. */
  onClose(): void;
}) {
  const [names, setNames] = useState<string[] | null>(null);
  const menuId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!names) return;
    box.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setNames(null);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [names]);

  const close = () => {
    setNames(null);
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const items = [...(box.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = items[(at + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length];
    next?.focus();
  };

  return (
    <div ref={box} className="relative">
      <button
        type="button"
        disabled={disabled}
        aria-haspopup="menu"
        aria-expanded={names !== null}
        aria-controls={names ? menuId : undefined}
        aria-label={`Insert variable into ${label}`}
        onClick={() => (names ? setNames(null) : setNames(knownVariableNames(useDesigner.getState().doc)))}
        className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-[11px] font-medium text-indigo-700 hover:bg-indigo-50 disabled:opacity-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
      >
        <Braces className="size-3" aria-hidden />
        Insert variable
      </button>
      {names ? (
        <div
          id={menuId}
          role="menu"
          aria-label="Variables"
          tabIndex={-1}
          onKeyDown={onKeyDown}
          className="absolute right-0 z-20 mt-1 max-h-56 w-48 overflow-y-auto rounded-lg bg-white py-1 shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
        >
          {names.length ? (
            names.map((name) => (
              <button
                key={name}
                type="button"
                role="menuitem"
                onClick={() => {
                  setNames(null);
                  onPick(name);
                }}
                className="block w-full truncate px-3 py-1 text-left font-mono text-xs hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-slate-800"
              >
                {`{{${name}}}`}
              </button>
            ))
          ) : (
            <p className="px-3 py-1 text-xs text-slate-500">No variables yet: declare one in the Variables tab.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
