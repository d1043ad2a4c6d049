"use client";
import type { FlowEdge } from "@pixel/flow";
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  type OnSelectionChangeParams,
  ReactFlow,
  useReactFlow,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useDrop } from "react-dnd";
import { useDesigner } from "../store/designer-store.ts";
import { createNode, newId } from "../store/new-node.ts";
import { addEntitiesChanges, positionChange, removeEntitiesChanges } from "../store/node-changes.ts";
import { issuesByNode, useValidation } from "../validation/use-validation.ts";
import { NodeCard, type NodeCardNode } from "./node-card.tsx";
import { syncEdges, syncNodes } from "./sync-nodes.ts";

export const PALETTE_ITEM = "pixel-node-type";
const NODE_TYPES = { pixel: NodeCard };
const SNAP: [number, number] = [16, 16];
/**
 * Small flows are not blown up to fill the screen, and large ones open at a readable zoom: fitting
 * 1,000 nodes would draw every card at once (and nothing would be legible anyway).
 */
const FIT_VIEW = { maxZoom: 1, minZoom: 0.4, padding: 0.2 };
/** Above this many nodes the mini map (which draws every node on each change) is left out. */
const MINIMAP_LIMIT = 400;

export function FlowCanvas() {
  const doc = useDesigner((s) => s.doc);
  const readOnly = useDesigner((s) => s.readOnly);
  const activeNodeId = useDesigner((s) => s.activeNodeId);
  const focusRequest = useDesigner((s) => s.focusRequest);
  const validation = useValidation();
  const issues = useMemo(() => issuesByNode(validation), [validation]);
  const flow = useReactFlow();
  const [nodes, setNodes] = useState<NodeCardNode[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(
    () => setNodes((prev) => syncNodes(prev, doc.nodes, issues, activeNodeId)),
    [doc.nodes, issues, activeNodeId],
  );
  useEffect(() => setEdges((prev) => syncEdges(prev, doc.edges)), [doc.edges]);

  useEffect(() => {
    if (!focusRequest) return;
    const node = useDesigner.getState().doc.nodes.find((n) => n.id === focusRequest.nodeId);
    if (node && focusRequest.center)
      void flow.setCenter(node.position.x + 120, node.position.y + 60, { zoom: 1.1, duration: 300 });
  }, [focusRequest, flow]);

  // Selections made outside the canvas (select all, paste, focus from a panel) show on it too.
  const selectedNodeIds = useDesigner((s) => s.selectedNodeIds);
  useEffect(() => {
    const wanted = new Set(selectedNodeIds);
    setNodes((prev) =>
      prev.some((n) => Boolean(n.selected) !== wanted.has(n.id))
        ? prev.map((n) => (Boolean(n.selected) === wanted.has(n.id) ? n : { ...n, selected: wanted.has(n.id) }))
        : prev,
    );
  }, [selectedNodeIds]);

  const onNodesChange = useCallback((changes: NodeChange<NodeCardNode>[]) => {
    setNodes((prev) => applyNodeChanges(changes, prev));
    // A drag ends with positions and dragging=false: that is one "move" command, not one per frame.
    const moved = changes.filter((c) => c.type === "position" && c.dragging === false && c.position);
    if (moved.length) {
      const { doc, apply } = useDesigner.getState();
      const byId = new Map(doc.nodes.map((n) => [n.id, n]));
      const list = moved.flatMap((c) => {
        if (c.type !== "position" || !c.position) return [];
        const node = byId.get(c.id);
        return node && (node.position.x !== c.position.x || node.position.y !== c.position.y)
          ? [positionChange(node, c.position)]
          : [];
      });
      apply(list.length === 1 ? "Move node" : `Move ${list.length} nodes`, list);
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setEdges((prev) =>
      applyEdgeChanges(
        changes.filter((c) => c.type !== "remove"),
        prev,
      ),
    );
  }, []);

  const onDelete = useCallback(({ nodes: gone, edges: goneEdges }: { nodes: NodeCardNode[]; edges: Edge[] }) => {
    const { doc, apply } = useDesigner.getState();
    const nodeIds = new Set(gone.map((n) => n.id));
    const edgeIds = new Set(goneEdges.map((e) => e.id));
    const nodes = doc.nodes.filter((n) => nodeIds.has(n.id));
    const edges = doc.edges.filter((e) => edgeIds.has(e.id) || nodeIds.has(e.source) || nodeIds.has(e.target));
    if (!nodes.length && !edges.length) return;
    const label = nodes.length
      ? `Delete ${nodes.length === 1 ? "node" : `${nodes.length} nodes`}`
      : "Delete connection";
    apply(label, removeEntitiesChanges(nodes, edges));
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    const { doc, apply } = useDesigner.getState();
    if (!connection.source || !connection.target || connection.source === connection.target) return;
    const handle = connection.sourceHandle ?? "next";
    // An output leads to one place: connecting it again replaces its edge.
    const replaced = doc.edges.filter((e) => e.source === connection.source && e.sourceHandle === handle);
    const edge: FlowEdge = {
      id: newId("e"),
      source: connection.source,
      sourceHandle: handle,
      target: connection.target,
    };
    apply("Connect", [...removeEntitiesChanges([], replaced), ...addEntitiesChanges([], [edge])]);
  }, []);

  const onReconnect = useCallback((old: Edge, connection: Connection) => {
    const { doc, apply } = useDesigner.getState();
    const current = doc.edges.find((e) => e.id === old.id);
    if (!current || !connection.source || !connection.target || connection.source === connection.target) return;
    const next = {
      source: connection.source,
      sourceHandle: connection.sourceHandle ?? "next",
      target: connection.target,
    };
    // Same rule as connecting: the output it moves to loses the edge it had.
    const replaced = doc.edges.filter(
      (e) => e.id !== current.id && e.source === next.source && e.sourceHandle === next.sourceHandle,
    );
    apply("Reconnect", [
      ...removeEntitiesChanges([], replaced),
      {
        key: `edge/${current.id}`,
        before: { source: current.source, sourceHandle: current.sourceHandle, target: current.target },
        after: next,
      },
    ]);
  }, []);

  const onSelectionChange = useCallback(({ nodes: selected, edges: selectedEdges }: OnSelectionChangeParams) => {
    useDesigner.getState().select(
      selected.map((n) => n.id),
      selectedEdges.map((e) => e.id),
    );
  }, []);

  const [{ over }, drop] = useDrop(
    () => ({
      accept: PALETTE_ITEM,
      drop: (item: { nodeType: string }, monitor) => {
        const offset = monitor.getClientOffset();
        if (!offset) return;
        const position = flow.screenToFlowPosition({ x: offset.x - 120, y: offset.y - 30 });
        addNodeAt(item.nodeType, position);
      },
      collect: (monitor) => ({ over: monitor.isOver() }),
    }),
    [flow],
  );
  drop(wrapper);

  return (
    <div
      ref={wrapper}
      className={over ? "h-full w-full outline-2 outline-indigo-400 outline-dashed" : "h-full w-full"}
      data-testid="flow-canvas"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onConnect={onConnect}
        onReconnect={onReconnect}
        onSelectionChange={onSelectionChange}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ["Backspace", "Delete"]}
        multiSelectionKeyCode={["Shift", "Meta", "Control"]}
        selectionKeyCode="Shift"
        snapToGrid
        snapGrid={SNAP}
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2}
        fitView
        fitViewOptions={FIT_VIEW}
        defaultEdgeOptions={{ type: "smoothstep" }}
        proOptions={{ hideAttribution: true }}
        colorMode="system"
      >
        <Background gap={16} />
        {nodes.length <= MINIMAP_LIMIT ? <MiniMap pannable zoomable ariaLabel="Mini map" /> : null}
        <Controls />
      </ReactFlow>
    </div>
  );
}

/** Adds a node of a type at a flow position, selected, as one command. */
export function addNodeAt(type: string, position: { x: number; y: number }) {
  const node = createNode(type, position);
  if (!node) return;
  useDesigner.getState().apply(`Add ${type}`, addEntitiesChanges([node], []));
  useDesigner.getState().focusNode(node.id, false);
}
