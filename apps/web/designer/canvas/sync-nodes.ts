import type { FlowEdge, FlowNode } from "@pixel/flow";
import type { Edge } from "@xyflow/react";
import type { NodeCardNode } from "./node-card.tsx";

/**
 * React Flow nodes for the document, reusing the previous object of every node whose content, selection,
 * badge and highlight are unchanged, so memoised cards skip rendering (1,000-node flows stay smooth).
 */
export function syncNodes(
  previous: readonly NodeCardNode[],
  nodes: readonly FlowNode[],
  issues: ReadonlyMap<string, "error" | "warning">,
  activeNodeId: string | null,
): NodeCardNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return nodes.map((node) => {
    const before = byId.get(node.id);
    const issue = issues.get(node.id) ?? null;
    const active = node.id === activeNodeId;
    if (before && before.data.node === node && before.data.issue === issue && before.data.active === active) {
      return before;
    }
    return {
      id: node.id,
      type: "pixel",
      position: before?.dragging ? before.position : node.position,
      data: { node, issue, active },
      selected: before?.selected ?? false,
      ...(before?.measured ? { measured: before.measured } : {}),
    };
  });
}

export function syncEdges(previous: readonly Edge[], edges: readonly FlowEdge[]): Edge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  return edges.map((edge) => {
    const before = byId.get(edge.id);
    if (
      before &&
      before.source === edge.source &&
      before.target === edge.target &&
      before.sourceHandle === edge.sourceHandle
    ) {
      return before;
    }
    return {
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourceHandle,
      target: edge.target,
      targetHandle: "in",
      selected: before?.selected ?? false,
    };
  });
}
