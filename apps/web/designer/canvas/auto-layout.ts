import dagre from "@dagrejs/dagre";
import type { FlowDocument } from "@pixel/flow";

const NODE_WIDTH = 240;
const NODE_HEIGHT = 120;

/** Left-to-right layered layout (dagre), snapped to the 16 px grid. */
export function autoLayout(doc: FlowDocument): FlowDocument {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 100, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of doc.nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of doc.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  const snap = (value: number) => Math.round(value / 16) * 16;
  return {
    ...doc,
    nodes: doc.nodes.map((node) => {
      const placed = graph.node(node.id);
      if (!placed) return node;
      return { ...node, position: { x: snap(placed.x - NODE_WIDTH / 2), y: snap(placed.y - NODE_HEIGHT / 2) } };
    }),
  };
}
