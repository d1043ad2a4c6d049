"use client";
import "@xyflow/react/dist/style.css";
import { cn } from "@pixel/ui";
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useCallback, useMemo, useState } from "react";
import { DndProvider } from "react-dnd";
import { HTML5Backend } from "react-dnd-html5-backend";
import { FlowCanvas } from "./canvas/flow-canvas.tsx";
import { ConflictDialog } from "./conflict-dialog.tsx";
import { ImportProblemsDialog, ShortcutsDialog } from "./dialogs.tsx";
import { Palette } from "./palette/palette.tsx";
import { GlobalActionsEditor } from "./panels/global-actions-editor.tsx";
import { PropertiesPanel } from "./panels/properties-panel.tsx";
import { VariablesManager } from "./panels/variables-manager.tsx";
import { PreviewPane } from "./preview/preview-pane.tsx";
import { arrangeAutomatically } from "./store/actions.ts";
import { useAutosave } from "./sync/use-autosave.ts";
import { type SidePanel, Toolbar } from "./toolbar.tsx";
import { useShortcuts } from "./use-shortcuts.ts";
import { ValidationPanel } from "./validation/validation-panel.tsx";
import { PublishDialog } from "./versions/publish-dialog.tsx";
import { VersionsPanel } from "./versions/versions-panel.tsx";

type Tab = "properties" | "variables" | "actions" | "issues";
const TABS: { id: Tab; label: string }[] = [
  { id: "properties", label: "Properties" },
  { id: "variables", label: "Variables" },
  { id: "actions", label: "Global actions" },
  { id: "issues", label: "Issues" },
];

/** The flow designer: palette, canvas, panels, preview and versions around one zustand store. */
export function Designer({ botId }: { botId: string }) {
  return (
    <DndProvider backend={HTML5Backend}>
      <ReactFlowProvider>
        <DesignerLayout botId={botId} />
      </ReactFlowProvider>
    </DndProvider>
  );
}

function DesignerLayout({ botId }: { botId: string }) {
  useAutosave(botId);
  const flow = useReactFlow();
  const [tab, setTab] = useState<Tab>("properties");
  const [side, setSide] = useState<SidePanel>(null);
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  const [help, setHelp] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [importProblems, setImportProblems] = useState<string[] | null>(null);

  const onNotice = useCallback((text: string) => setNotice({ text, at: Date.now() }), []);
  const handlers = useMemo(
    () => ({
      onNotice,
      onHelp: () => setHelp(true),
      onLayout: () => {
        arrangeAutomatically();
        setTimeout(() => void flow.fitView({ duration: 300, maxZoom: 1, padding: 0.2 }), 50);
      },
    }),
    [onNotice, flow],
  );
  useShortcuts(handlers);

  return (
    <div className="flex h-dvh flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Toolbar
        side={side}
        onSide={setSide}
        onNotice={onNotice}
        onImportProblems={setImportProblems}
        onHelp={() => setHelp(true)}
        onPublish={() => setPublishing(true)}
      />
      <div className="flex min-h-0 flex-1">
        <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-slate-50 md:block dark:border-slate-800 dark:bg-slate-950">
          <Palette />
        </aside>
        <main className="relative min-w-0 flex-1" aria-label="Flow canvas">
          <FlowCanvas />
          {notice ? (
            <output
              key={notice.at}
              aria-live="polite"
              className="pointer-events-none absolute bottom-4 left-1/2 -translate-x-1/2 animate-[fade_3s_forwards] rounded-full bg-slate-900 px-3 py-1.5 text-xs text-white shadow dark:bg-slate-100 dark:text-slate-900"
            >
              {notice.text}
            </output>
          ) : null}
        </main>
        <aside
          className="flex w-80 shrink-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
          aria-label="Inspector"
        >
          <div role="tablist" aria-label="Inspector" className="flex border-b border-slate-200 dark:border-slate-800">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                onClick={() => setTab(t.id)}
                className={cn(
                  "flex-1 px-1 py-2 text-xs font-medium",
                  tab === t.id
                    ? "border-b-2 border-indigo-600 text-indigo-700 dark:text-indigo-300"
                    : "text-slate-500 hover:text-slate-800 dark:hover:text-slate-200",
                )}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" className="min-h-0 flex-1 overflow-y-auto">
            {tab === "properties" ? <PropertiesPanel /> : null}
            {tab === "variables" ? <VariablesManager /> : null}
            {tab === "actions" ? <GlobalActionsEditor /> : null}
            {tab === "issues" ? <ValidationPanel /> : null}
          </div>
        </aside>
        {side ? (
          <aside
            className="flex w-96 shrink-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
            aria-label={side === "preview" ? "Preview" : "Versions"}
          >
            {side === "preview" ? <PreviewPane botId={botId} /> : <VersionsPanel botId={botId} />}
          </aside>
        ) : null}
      </div>
      <ConflictDialog />
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
      <ImportProblemsDialog problems={importProblems} onClose={() => setImportProblems(null)} />
      <PublishDialog
        botId={botId}
        open={publishing}
        onClose={() => setPublishing(false)}
        onPublished={(number) => {
          setPublishing(false);
          onNotice(`Published version ${number}`);
          setSide("versions");
        }}
      />
    </div>
  );
}
