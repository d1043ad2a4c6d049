import { type FlowNode, nodeDefinition } from "@pixel/flow";

export function newId(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 8)}${Date.now().toString(36).slice(-3)}`;
}

/** A node of a type with its defaults, placed on the grid. */
export function createNode(type: string, position: { x: number; y: number }): FlowNode | null {
  const definition = nodeDefinition(type);
  if (!definition) return null;
  const snap = (value: number) => Math.round(value / 16) * 16;
  return {
    id: newId(type.replace(/[^a-z]/g, "").slice(0, 8) || "node"),
    type,
    position: { x: snap(position.x), y: snap(position.y) },
    data: definition.defaults(),
  } as FlowNode;
}
