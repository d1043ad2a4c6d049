import {
  type FlowChange,
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
  flattenFlow,
  type JsonValue,
} from "@pixel/flow";

const EMPTY: Omit<FlowDocument, "nodes" | "edges"> = {
  version: 1,
  variables: [],
  globalActions: [],
  settings: { language: "en", typingDelayMs: 600, stepBudget: 200 },
};

/** The keys of some nodes and edges alone (without the rest of the document), for small changes. */
function entityKeys(nodes: FlowNode[], edges: FlowEdge[]): Map<string, JsonValue> {
  const flat = flattenFlow({ ...EMPTY, nodes, edges } as FlowDocument);
  for (const key of [...flat.keys()]) if (key.startsWith("settings/")) flat.delete(key);
  return flat;
}

export function addEntitiesChanges(nodes: FlowNode[], edges: FlowEdge[]): FlowChange[] {
  return [...entityKeys(nodes, edges)].map(([key, value]) => ({ key, before: null, after: value }));
}

export function removeEntitiesChanges(nodes: FlowNode[], edges: FlowEdge[]): FlowChange[] {
  return [...entityKeys(nodes, edges)].map(([key, value]) => ({ key, before: value, after: null }));
}

export function nodeFieldChange(node: FlowNode, field: string, value: JsonValue | undefined): FlowChange {
  const data = node.data as Record<string, JsonValue>;
  return { key: `node/${node.id}/data/${field}`, before: data[field] ?? null, after: value ?? null };
}

export function positionChange(node: FlowNode, position: { x: number; y: number }): FlowChange {
  return { key: `node/${node.id}/position`, before: node.position, after: position };
}
