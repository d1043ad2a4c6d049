/**
 * A generated flow for the designer bench: a start node, then a mix of message, quick-reply, condition and
 * set-variable nodes on a grid, every output chained forward, ending at an end node. Node data starts from
 * each type's `defaults()` so the document looks like what builders make, and is checked with the schema.
 */
import {
  FLOW_DOCUMENT_VERSION,
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
  flowDocumentSchema,
  nodeDefinition,
} from "@pixel/flow";

/** Grid spacing in flow units: a card is 240 wide and 100–190 tall depending on its outputs. */
const COLUMN_WIDTH = 320;
const ROW_HEIGHT = 260;

const MIXED_TYPES = ["message", "quick-reply", "condition", "set-variable"] as const;
type MixedType = (typeof MIXED_TYPES)[number];

const defaultsOf = (type: string): Record<string, unknown> => {
  const definition = nodeDefinition(type);
  if (!definition) throw new Error(`@pixel/flow has no "${type}" node type`);
  return definition.defaults() as Record<string, unknown>;
};

export const nodeId = (index: number) => `n${String(index).padStart(4, "0")}`;

/** A message node's index near the middle of the grid (visible and away from the edges once fitted). */
export function middleMessageIndex(nodeCount: number): number {
  const columns = columnsFor(nodeCount);
  const rows = Math.ceil(nodeCount / columns);
  const centre = Math.floor(rows / 2) * columns + Math.floor(columns / 2);
  for (let i = Math.min(centre, nodeCount - 2); i > 0; i--) if (typeOf(i, nodeCount) === "message") return i;
  throw new Error("the generated flow has no message node");
}

/** Roughly as wide as tall on screen, like a builder's big flow. */
function columnsFor(nodeCount: number): number {
  return Math.max(2, Math.ceil(Math.sqrt(nodeCount * (ROW_HEIGHT / COLUMN_WIDTH))));
}

function typeOf(index: number, nodeCount: number): "start" | "end" | MixedType {
  if (index === 0) return "start";
  if (index === nodeCount - 1) return "end";
  // Half of the nodes are messages, the rest split evenly over the other three types, in a fixed pattern.
  const slot = (index * 5) % 6;
  return slot < 3 ? "message" : (MIXED_TYPES[slot - 2] as MixedType);
}

function dataFor(type: string, index: number): Record<string, unknown> {
  const data = defaultsOf(type);
  if (type === "message") {
    return {
      ...data,
      text: `Step ${index}: thanks {{user_name}}, your score is {{score}}. Here is what happens next.`,
    };
  }
  if (type === "quick-reply") {
    return { ...data, prompt: `Question ${index}: what would you like to do?`, variable: "choice" };
  }
  if (type === "condition") {
    return {
      branches: [
        {
          id: "high",
          label: "High score",
          combinator: "and",
          rules: [{ variable: "score", operator: "greater_than", value: String(index % 100) }],
        },
      ],
    };
  }
  if (type === "set-variable") {
    return { assignments: [{ variable: "score", mode: "expression", value: `score + ${index % 10}` }] };
  }
  return data;
}

/** A valid document of exactly `nodeCount` nodes (at least 3). */
export function generateDesignerFlow(nodeCount: number): FlowDocument {
  if (nodeCount < 3) throw new Error("the generated flow needs at least 3 nodes");
  const columns = columnsFor(nodeCount);
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  for (let index = 0; index < nodeCount; index++) {
    const type = typeOf(index, nodeCount);
    nodes.push({
      id: nodeId(index),
      type,
      position: { x: (index % columns) * COLUMN_WIDTH, y: Math.floor(index / columns) * ROW_HEIGHT },
      data: dataFor(type, index),
    } as FlowNode);
  }
  // Every output leads forward: the first to the next node, the others one further, so edges cross rows too.
  for (let index = 0; index < nodeCount - 1; index++) {
    const node = nodes[index] as FlowNode;
    const outputs = nodeDefinition(node.type)?.outputs(node.data as never) ?? [];
    outputs.forEach((output, o) => {
      const target = Math.min(nodeCount - 1, index + (o === 0 ? 1 : 2));
      edges.push({ id: `e${edges.length}`, source: node.id, sourceHandle: output.id, target: nodeId(target) });
    });
  }
  return flowDocumentSchema.parse({
    version: FLOW_DOCUMENT_VERSION,
    nodes,
    edges,
    variables: [
      { name: "score", type: "number", default: 0 },
      { name: "choice", type: "string", default: "" },
      { name: "user_name", type: "string", default: "there" },
    ],
  });
}
