import { type FlowDocument, type FlowNode, nodeDefinition } from "@pixel/flow";

const indexCache = new WeakMap<readonly FlowNode[], Map<string, number>>();

/**
 * Where a node is in `nodes`, or -1. `hint` (where it was last time) makes the usual case O(1): edits keep the
 * order, so a panel following one node on a 1,000-node flow does not scan the list per keystroke. Otherwise an
 * id → index map is built once per nodes array.
 */
export function nodeIndexOf(nodes: readonly FlowNode[], id: string, hint?: number): number {
  if (hint !== undefined && nodes[hint]?.id === id) return hint;
  let map = indexCache.get(nodes);
  if (!map) {
    map = new Map(nodes.map((node, index) => [node.id, index]));
    indexCache.set(nodes, map);
  }
  return map.get(id) ?? -1;
}

/** "Main menu" or the type's label, for lists. */
export function nodeTitle(node: Pick<FlowNode, "type" | "name">): string {
  return node.name || nodeDefinition(node.type)?.label || node.type;
}

export interface NodeOption {
  id: string;
  label: string;
}

/** Other nodes to pick (jump and action targets): "Name · Type · id", sorted by name. */
export function nodeOptions(doc: Pick<FlowDocument, "nodes">, exceptId?: string | null): NodeOption[] {
  return doc.nodes
    .filter((node) => node.id !== exceptId)
    .map((node) => {
      const type = nodeDefinition(node.type)?.label ?? node.type;
      return { id: node.id, label: node.name ? `${node.name} · ${type} · ${node.id}` : `${type} · ${node.id}` };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}
