"use client";
import "@xyflow/react/dist/style.css";
import type { FlowEdge, FlowNode } from "@pixel/flow";
import { Background, Controls, type Edge, ReactFlow, type Viewport } from "@xyflow/react";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { NodeCard, type NodeCardNode } from "@/designer/canvas/node-card";
import { openingViewport } from "./opening-viewport";

const NODE_TYPES = { pixel: NodeCard };
/** The designer's node cards on a canvas that only pans and zooms; the page keeps its scroll wheel. */
export function FlowDiagramCanvas({ nodes, edges }: { nodes: FlowNode[]; edges: FlowEdge[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (element) setViewport(openingViewport(nodes, element.clientWidth, element.clientHeight));
  }, [nodes]);
  const cards = useMemo<NodeCardNode[]>(
    () =>
      nodes.map((node) => ({
        id: node.id,
        type: "pixel",
        position: node.position,
        data: { node, issue: null, active: false },
      })),
    [nodes],
  );
  const links = useMemo<Edge[]>(
    () =>
      edges.map((edge) => ({
        id: edge.id,
        source: edge.source,
        sourceHandle: edge.sourceHandle,
        target: edge.target,
        targetHandle: "in",
      })),
    [edges],
  );
  return (
    <div ref={box} className="size-full">
      {viewport ? (
        <ReactFlow
          nodes={cards}
          edges={links}
          nodeTypes={NODE_TYPES}
          defaultViewport={viewport}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          edgesReconnectable={false}
          elementsSelectable={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          zoomOnScroll={false}
          preventScrolling={false}
          zoomOnDoubleClick={false}
          minZoom={0.05}
          maxZoom={1.5}
          defaultEdgeOptions={{ type: "smoothstep" }}
          proOptions={{ hideAttribution: true }}
          colorMode="system"
          aria-label="Flow diagram"
        >
          <Background gap={16} />
          <Controls showInteractive={false} fitViewOptions={{ padding: 0.1 }} />
        </ReactFlow>
      ) : null}
    </div>
  );
}
