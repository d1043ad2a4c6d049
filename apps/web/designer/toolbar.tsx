"use client";
import { Button } from "@pixel/ui";
import { useReactFlow } from "@xyflow/react";
import {
  ArrowLeft,
  Download,
  History,
  Keyboard,
  LayoutGrid,
  Maximize,
  MessageCircle,
  Redo2,
  Rocket,
  Undo2,
  Upload,
} from "lucide-react";
import Link from "next/link";
import { useRef } from "react";
import { ThemeToggle } from "@/components/theme-toggle";
import { SaveIndicator } from "./save-indicator.tsx";
import { arrangeAutomatically, exportFlow, importFlow } from "./store/actions.ts";
import { useDesigner } from "./store/designer-store.ts";

export type SidePanel = "preview" | "versions" | null;

export function Toolbar({
  side,
  onSide,
  onNotice,
  onImportProblems,
  onHelp,
  onPublish,
}: {
  side: SidePanel;
  onSide(panel: SidePanel): void;
  onNotice(text: string): void;
  onImportProblems(problems: string[]): void;
  onHelp(): void;
  onPublish(): void;
}) {
  const botName = useDesigner((s) => s.botName);
  const canUndo = useDesigner((s) => s.undoStack.length > 0);
  const canRedo = useDesigner((s) => s.redoStack.length > 0);
  const readOnly = useDesigner((s) => s.readOnly);
  const flow = useReactFlow();
  const file = useRef<HTMLInputElement>(null);

  const download = () => {
    const { fileName, text } = exportFlow();
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  };
  const upload = async (chosen: File | undefined) => {
    if (!chosen) return;
    if (chosen.size > 5_000_000) return onImportProblems(["The file is larger than 5 MB."]);
    const result = importFlow(await chosen.text());
    if (result.ok)
      onNotice(`Imported ${chosen.name}${result.warnings.length ? ` (${result.warnings.length} note(s))` : ""}`);
    else onImportProblems(result.problems);
  };
  const iconButton =
    "grid size-8 place-items-center rounded-lg text-slate-600 hover:bg-slate-100 disabled:opacity-40 dark:text-slate-300 dark:hover:bg-slate-800";

  return (
    <header className="flex h-12 items-center gap-1 border-b border-slate-200 bg-white px-2 dark:border-slate-800 dark:bg-slate-950">
      <Link href="/app/bots" className={iconButton} aria-label="Back to bots">
        <ArrowLeft className="size-4" aria-hidden />
      </Link>
      <h1 className="mr-3 max-w-56 truncate text-sm font-semibold" title={botName}>
        {botName}
      </h1>
      <SaveIndicator />
      <div className="mx-2 h-5 w-px bg-slate-200 dark:bg-slate-800" />
      <button
        type="button"
        className={iconButton}
        aria-label="Undo"
        title="Undo (Ctrl/⌘+Z)"
        disabled={!canUndo || readOnly}
        onClick={() => onNotice(`Undid: ${useDesigner.getState().undo() ?? "nothing"}`)}
      >
        <Undo2 className="size-4" aria-hidden />
      </button>
      <button
        type="button"
        className={iconButton}
        aria-label="Redo"
        title="Redo (Shift+Ctrl/⌘+Z)"
        disabled={!canRedo || readOnly}
        onClick={() => onNotice(`Redid: ${useDesigner.getState().redo() ?? "nothing"}`)}
      >
        <Redo2 className="size-4" aria-hidden />
      </button>
      <button
        type="button"
        className={iconButton}
        aria-label="Auto-layout"
        title="Auto-layout (Ctrl/⌘+Shift+L)"
        disabled={readOnly}
        onClick={() => {
          arrangeAutomatically();
          setTimeout(() => void flow.fitView({ duration: 300, maxZoom: 1, padding: 0.2 }), 50);
        }}
      >
        <LayoutGrid className="size-4" aria-hidden />
      </button>
      <button
        type="button"
        className={iconButton}
        aria-label="Fit view"
        title="Fit view"
        onClick={() => void flow.fitView({ duration: 300, maxZoom: 1, padding: 0.2 })}
      >
        <Maximize className="size-4" aria-hidden />
      </button>
      <div className="mx-2 h-5 w-px bg-slate-200 dark:bg-slate-800" />
      <button type="button" className={iconButton} aria-label="Export JSON" title="Export as JSON" onClick={download}>
        <Download className="size-4" aria-hidden />
      </button>
      <button
        type="button"
        className={iconButton}
        aria-label="Import JSON"
        title="Import a JSON flow"
        disabled={readOnly}
        onClick={() => file.current?.click()}
      >
        <Upload className="size-4" aria-hidden />
      </button>
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        className="hidden"
        data-testid="import-file"
        onChange={(e) => {
          void upload(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <button
        type="button"
        className={iconButton}
        aria-label="Keyboard shortcuts"
        title="Shortcuts (?)"
        onClick={onHelp}
      >
        <Keyboard className="size-4" aria-hidden />
      </button>
      <div className="ml-auto flex items-center gap-1">
        <ThemeToggle />
        <Button
          size="sm"
          variant={side === "preview" ? "primary" : "secondary"}
          aria-pressed={side === "preview"}
          onClick={() => onSide(side === "preview" ? null : "preview")}
        >
          <MessageCircle className="size-4" aria-hidden /> Preview
        </Button>
        <Button
          size="sm"
          variant={side === "versions" ? "primary" : "secondary"}
          aria-pressed={side === "versions"}
          onClick={() => onSide(side === "versions" ? null : "versions")}
        >
          <History className="size-4" aria-hidden /> Versions
        </Button>
        <Button size="sm" onClick={onPublish} disabled={readOnly}>
          <Rocket className="size-4" aria-hidden /> Publish
        </Button>
      </div>
    </header>
  );
}
