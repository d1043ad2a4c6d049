"use client";
import { exportFlowDocument, parseFlowDocument } from "@pixel/flow";
import { autoLayout } from "../canvas/auto-layout.ts";
import { copySelection, instantiate, readClipboard, writeClipboard } from "./clipboard.ts";
import { useDesigner } from "./designer-store.ts";
import { addEntitiesChanges, removeEntitiesChanges } from "./node-changes.ts";

/** Designer commands shared by the toolbar, the keyboard and menus. Each is one undoable step. */
export async function copySelected(cut = false): Promise<number> {
  const { doc, selectedNodeIds, apply, readOnly } = useDesigner.getState();
  if (!selectedNodeIds.length || (cut && readOnly)) return 0;
  const fragment = copySelection(doc, selectedNodeIds);
  await writeClipboard(fragment);
  if (cut) {
    const ids = new Set(selectedNodeIds);
    const edges = doc.edges.filter((e) => ids.has(e.source) || ids.has(e.target));
    apply(`Cut ${fragment.nodes.length} node(s)`, removeEntitiesChanges(fragment.nodes, edges));
  }
  return fragment.nodes.length;
}

export async function pasteFromClipboard(): Promise<number> {
  if (useDesigner.getState().readOnly) return 0;
  const fragment = await readClipboard();
  if (!fragment?.nodes.length) return 0;
  return pasteFragment(fragment, { x: 48, y: 48 });
}

export function duplicateSelected(): number {
  const { doc, selectedNodeIds, readOnly } = useDesigner.getState();
  if (!selectedNodeIds.length || readOnly) return 0;
  return pasteFragment(copySelection(doc, selectedNodeIds), { x: 48, y: 48 });
}

function pasteFragment(fragment: ReturnType<typeof copySelection>, offset: { x: number; y: number }): number {
  const { doc, apply, select } = useDesigner.getState();
  // A flow has one start node: a pasted start is left out when there is one already.
  const hasStart = doc.nodes.some((n) => n.type === "start");
  const kept = hasStart ? fragment.nodes.filter((n) => n.type !== "start") : fragment.nodes;
  const keptIds = new Set(kept.map((n) => n.id));
  const copy = instantiate(
    { nodes: kept, edges: fragment.edges.filter((e) => keptIds.has(e.source) && keptIds.has(e.target)) },
    offset,
  );
  if (!copy.nodes.length) return 0;
  apply(`Paste ${copy.nodes.length} node(s)`, addEntitiesChanges(copy.nodes, copy.edges));
  select(copy.nodes.map((n) => n.id));
  return copy.nodes.length;
}

export function selectAll(): void {
  const { doc, select } = useDesigner.getState();
  select(
    doc.nodes.map((n) => n.id),
    [],
  );
}

export function arrangeAutomatically(): void {
  const { doc, replaceDocument } = useDesigner.getState();
  replaceDocument("Auto-layout", autoLayout(doc));
}

export function exportFlow(): { fileName: string; text: string } {
  const { doc, botName } = useDesigner.getState();
  const slug =
    botName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "flow";
  return { fileName: `${slug}.flow.json`, text: exportFlowDocument(doc) };
}

/** Replaces the draft with an imported document (undoable); returns readable problems when it is not a flow. */
export function importFlow(text: string): { ok: true; warnings: string[] } | { ok: false; problems: string[] } {
  const parsed = parseFlowDocument(text);
  if (!parsed.ok) {
    return {
      ok: false,
      // Messages already name the path and node.
      problems: parsed.issues.map((i) => i.message),
    };
  }
  useDesigner.getState().replaceDocument("Import flow", parsed.flow);
  return { ok: true, warnings: parsed.issues.map((i) => i.message) };
}
