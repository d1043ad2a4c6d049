"use client";
import {
  applyFlowChanges,
  diffFlows,
  type FlowChange,
  type FlowConflict,
  type FlowDocument,
  invertChanges,
} from "@pixel/flow";
import { create } from "zustand";
import { type Command, pushCommand } from "./commands.ts";
import { applyNodeEditsFast } from "./fast-apply.ts";
import { addEntitiesChanges, removeEntitiesChanges } from "./node-changes.ts";

export type SaveState = "saved" | "saving" | "offline" | "conflict" | "error";

export interface DesignerState {
  botId: string | null;
  botName: string;
  /** What the builder sees and edits; always a valid flow document. */
  doc: FlowDocument;
  /** The server's document at `revision`, as last acknowledged. Unsaved work = diff(base, doc). */
  base: FlowDocument;
  revision: number;
  undoStack: Command[];
  redoStack: Command[];
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  saveState: SaveState;
  saveMessage: string | null;
  conflicts: FlowConflict[];
  /** The node the preview is at, highlighted on the canvas. */
  activeNodeId: string | null;
  /** Ask the canvas to bring a node into view (validation panel, trace). */
  focusRequest: { nodeId: string; at: number; center: boolean } | null;
  readOnly: boolean;

  load(input: { botId: string; botName: string; doc: FlowDocument; revision: number; readOnly: boolean }): void;
  /** Applies an edit as one undoable command. */
  apply(label: string, changes: FlowChange[], coalesceKey?: string): void;
  /** Applies an edit given as the next document (import, auto-layout): the diff becomes the command. */
  replaceDocument(label: string, next: FlowDocument): void;
  undo(): string | null;
  redo(): string | null;
  select(nodeIds: string[], edgeIds?: string[]): void;
  setActiveNode(nodeId: string | null): void;
  /** Selects a node and, with `center` (default), brings it into view. */
  focusNode(nodeId: string, center?: boolean): void;
  setSaveState(state: SaveState, message?: string | null): void;
  /** The server took our changes: `base` moves on; `serverDoc` is set when others changed things too. */
  acknowledge(input: {
    revision: number;
    sent: FlowDocument;
    serverDoc: FlowDocument | null;
    conflicts: FlowConflict[];
  }): void;
  /** Another tab or teammate saved: take their document, keeping our unsaved edits on top. */
  rebaseOnto(serverDoc: FlowDocument, revision: number): void;
  /** The conflict dialog's answer per key: keep mine (saved next) or take theirs. */
  resolveConflicts(choices: Record<string, "mine" | "theirs">): void;
}

const EMPTY_DOC: FlowDocument = {
  version: 1,
  nodes: [],
  edges: [],
  variables: [],
  globalActions: [],
  settings: { language: "en", typingDelayMs: 600, stepBudget: 200 },
};

function force(doc: FlowDocument, changes: FlowChange[]): FlowDocument {
  return changes.length ? applyFlowChanges(doc, changes, { mode: "force" }).document : doc;
}

function deletedNodeIds(conflicts: readonly FlowConflict[]): Set<string> {
  return new Set(conflicts.flatMap((c) => (c.reason === "node-deleted" && c.nodeId ? [c.nodeId] : [])));
}

/**
 * A node a teammate deleted while we edited it stays on screen, whole, until the builder chooses:
 * "keep mine" then saves it back; "take theirs" removes it.
 */
function keepDeletedNodes(next: FlowDocument, local: FlowDocument, conflicts: readonly FlowConflict[]): FlowDocument {
  const ids = deletedNodeIds(conflicts);
  if (!ids.size) return next;
  const present = new Set(next.nodes.map((n) => n.id));
  const nodes = local.nodes.filter((n) => ids.has(n.id) && !present.has(n.id));
  for (const node of nodes) present.add(node.id);
  const edgeIds = new Set(next.edges.map((e) => e.id));
  const edges = local.edges.filter(
    (e) =>
      (ids.has(e.source) || ids.has(e.target)) && present.has(e.source) && present.has(e.target) && !edgeIds.has(e.id),
  );
  return force(next, addEntitiesChanges(nodes, edges));
}

export const useDesigner = create<DesignerState>()((set, get) => ({
  botId: null,
  botName: "",
  doc: EMPTY_DOC,
  base: EMPTY_DOC,
  revision: 0,
  undoStack: [],
  redoStack: [],
  selectedNodeIds: [],
  selectedEdgeIds: [],
  saveState: "saved",
  saveMessage: null,
  conflicts: [],
  activeNodeId: null,
  focusRequest: null,
  readOnly: false,

  load({ botId, botName, doc, revision, readOnly }) {
    set({
      botId,
      botName,
      doc,
      base: doc,
      revision,
      readOnly,
      undoStack: [],
      redoStack: [],
      selectedNodeIds: [],
      selectedEdgeIds: [],
      saveState: "saved",
      saveMessage: null,
      conflicts: [],
      activeNodeId: null,
    });
  },

  apply(label, changes, coalesceKey) {
    if (get().readOnly || changes.length === 0) return;
    const { doc, undoStack } = get();
    let next = applyNodeEditsFast(doc, changes);
    if (!next) {
      const result = applyFlowChanges(doc, changes, { mode: "force" });
      if (result.invalid?.length) return; // Forms only commit valid data; anything else is a bug, not an edit.
      next = result.document;
    }
    set({
      doc: next,
      undoStack: pushCommand(undoStack, { label, changes, at: Date.now(), ...(coalesceKey ? { coalesceKey } : {}) }),
      redoStack: [],
    });
  },

  replaceDocument(label, next) {
    get().apply(label, diffFlows(get().doc, next));
  },

  undo() {
    const { undoStack, redoStack, doc, readOnly } = get();
    const command = undoStack.at(-1);
    if (!command || readOnly) return null;
    // Merge mode: a value a teammate changed since is left alone rather than overwritten.
    const result = applyFlowChanges(doc, invertChanges(command.changes), { mode: "merge" });
    set({ doc: result.document, undoStack: undoStack.slice(0, -1), redoStack: [...redoStack, command] });
    return result.conflicts.length
      ? `${command.label} (partly: some parts were changed by someone else)`
      : command.label;
  },

  redo() {
    const { undoStack, redoStack, doc, readOnly } = get();
    const command = redoStack.at(-1);
    if (!command || readOnly) return null;
    const result = applyFlowChanges(doc, command.changes, { mode: "merge" });
    set({ doc: result.document, redoStack: redoStack.slice(0, -1), undoStack: [...undoStack, command] });
    return command.label;
  },

  select(nodeIds, edgeIds = []) {
    const state = get();
    if (sameIds(state.selectedNodeIds, nodeIds) && sameIds(state.selectedEdgeIds, edgeIds)) return;
    set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds });
  },
  setActiveNode(nodeId) {
    if (get().activeNodeId !== nodeId) set({ activeNodeId: nodeId });
  },
  focusNode(nodeId, center = true) {
    set({ focusRequest: { nodeId, at: Date.now(), center }, selectedNodeIds: [nodeId], selectedEdgeIds: [] });
  },
  setSaveState(saveState, saveMessage = null) {
    set({ saveState, saveMessage });
  },

  acknowledge({ revision, sent, serverDoc, conflicts }) {
    const { doc } = get();
    if (!serverDoc) {
      set({ revision, base: sent, conflicts: [], saveState: doc === sent ? "saved" : "saving" });
      return;
    }
    // Others saved too: their document plus what we typed while the save was in flight.
    const inFlight = diffFlows(sent, doc);
    let next = force(serverDoc, inFlight);
    // Keep showing our side of each conflict until the builder chooses.
    next = force(
      next,
      conflicts.map((c) => ({ key: c.key, before: c.current, after: c.change.after })),
    );
    next = keepDeletedNodes(next, doc, conflicts);
    set({
      revision,
      base: serverDoc,
      doc: next,
      conflicts,
      saveState: conflicts.length ? "conflict" : "saving",
    });
  },

  rebaseOnto(serverDoc, revision) {
    const { base, doc } = get();
    const unsaved = diffFlows(base, doc);
    const result = applyFlowChanges(serverDoc, unsaved, { mode: "merge" });
    set({
      base: serverDoc,
      revision,
      doc: result.document,
      conflicts: result.conflicts,
      saveState: result.conflicts.length ? "conflict" : unsaved.length ? "saving" : "saved",
    });
    if (result.conflicts.length) {
      // Show our side while the dialog is open, as after a save.
      const mine = force(
        result.document,
        result.conflicts.map((c) => ({ key: c.key, before: c.current, after: c.change.after })),
      );
      set({ doc: keepDeletedNodes(mine, doc, result.conflicts) });
    }
  },

  resolveConflicts(choices) {
    const { conflicts, doc, base } = get();
    // "theirs": put the server's value back locally; "mine": leave ours, the next save carries it.
    const takeTheirs = conflicts
      .filter((c) => choices[c.key] === "theirs")
      .map((c) => ({ key: c.key, before: c.change.after, after: c.current }));
    let next = force(doc, takeTheirs);
    const gone = deletedNodeIds(conflicts.filter((c) => choices[c.key] === "theirs"));
    if (gone.size) {
      next = force(
        next,
        removeEntitiesChanges(
          next.nodes.filter((n) => gone.has(n.id)),
          next.edges.filter((e) => gone.has(e.source) || gone.has(e.target)),
        ),
      );
    }
    set({ doc: next, conflicts: [], saveState: diffFlows(base, next).length ? "saving" : "saved" });
  },
}));

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Unsaved work: what the next save sends. */
export function pendingChanges(state: Pick<DesignerState, "base" | "doc">): FlowChange[] {
  return state.base === state.doc ? [] : diffFlows(state.base, state.doc);
}
