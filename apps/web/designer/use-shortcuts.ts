"use client";
import { useEffect } from "react";
import { copySelected, duplicateSelected, pasteFromClipboard, selectAll } from "./store/actions.ts";
import { useDesigner } from "./store/designer-store.ts";

/** Typing in a field keeps the browser's own undo, copy and paste. */
function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: "Ctrl/⌘ + Z", action: "Undo" },
  { keys: "Shift + Ctrl/⌘ + Z, Ctrl + Y", action: "Redo" },
  { keys: "Ctrl/⌘ + C / X / V", action: "Copy, cut, paste nodes (also between bots)" },
  { keys: "Ctrl/⌘ + D", action: "Duplicate the selection" },
  { keys: "Ctrl/⌘ + A", action: "Select all nodes" },
  { keys: "Delete, Backspace", action: "Delete the selection" },
  { keys: "Shift + click, Shift + drag", action: "Add to the selection, select with a box" },
  { keys: "Ctrl/⌘ + Shift + L", action: "Auto-layout" },
  { keys: "?", action: "Show these shortcuts" },
];

export function useShortcuts(handlers: { onNotice(text: string): void; onHelp(): void; onLayout(): void }) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (typingIn(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const store = useDesigner.getState();
      if (mod && key === "z" && !event.shiftKey) {
        event.preventDefault();
        const label = store.undo();
        handlers.onNotice(label ? `Undid: ${label}` : "Nothing to undo");
      } else if (mod && ((key === "z" && event.shiftKey) || key === "y")) {
        event.preventDefault();
        const label = store.redo();
        handlers.onNotice(label ? `Redid: ${label}` : "Nothing to redo");
      } else if (mod && key === "c") {
        void copySelected().then((n) => n && handlers.onNotice(`Copied ${n} node(s)`));
      } else if (mod && key === "x") {
        void copySelected(true).then((n) => n && handlers.onNotice(`Cut ${n} node(s)`));
      } else if (mod && key === "v") {
        event.preventDefault();
        void pasteFromClipboard().then((n) => handlers.onNotice(n ? `Pasted ${n} node(s)` : "Nothing to paste"));
      } else if (mod && key === "d") {
        event.preventDefault();
        const n = duplicateSelected();
        if (n) handlers.onNotice(`Duplicated ${n} node(s)`);
      } else if (mod && key === "a") {
        event.preventDefault();
        selectAll();
      } else if (mod && event.shiftKey && key === "l") {
        event.preventDefault();
        handlers.onLayout();
      } else if (event.key === "?") {
        handlers.onHelp();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [handlers]);
}
