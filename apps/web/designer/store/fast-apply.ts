import type { FlowChange, FlowDocument, FlowNode, JsonValue } from "@pixel/flow";

const NODE_EDIT = /^node\/([A-Za-z0-9_-]{1,64})\/(data\/([^/]+)|position|name)$/;

/**
 * The hot path of editing: typing in a field or moving nodes changes existing nodes only. Those edits
 * are patched in place with structural sharing (O(changes), untouched nodes keep their identity, so
 * their cards do not re-render). Anything else — or anything surprising — returns null, and the caller
 * uses the general applier with its full checks.
 */
export function applyNodeEditsFast(doc: FlowDocument, changes: readonly FlowChange[]): FlowDocument | null {
  if (changes.length === 0 || changes.length > 500) return null;
  const indexById = new Map<string, number>();
  const patched = new Map<number, FlowNode>();
  for (const change of changes) {
    const match = NODE_EDIT.exec(change.key);
    if (!match) return null;
    const [, id, , field] = match as unknown as [string, string, string | undefined, string | undefined];
    let index = indexById.get(id);
    if (index === undefined) {
      index = doc.nodes.findIndex((n) => n.id === id);
      if (index < 0) return null;
      indexById.set(id, index);
    }
    const node = patched.get(index) ?? (doc.nodes[index] as FlowNode);
    const next = patchNode(node, change, field);
    if (!next) return null;
    patched.set(index, next);
  }
  const nodes = doc.nodes.slice();
  for (const [index, node] of patched) nodes[index] = node;
  return { ...doc, nodes };
}

function patchNode(node: FlowNode, change: FlowChange, field: string | undefined): FlowNode | null {
  if (field !== undefined) {
    const data = { ...(node.data as Record<string, JsonValue>) };
    if (change.after === null) delete data[field];
    else data[field] = change.after;
    return { ...node, data } as FlowNode;
  }
  if (change.key.endsWith("/position")) {
    const position = change.after as { x?: unknown; y?: unknown } | null;
    if (!position || !Number.isFinite(position.x) || !Number.isFinite(position.y)) return null;
    return { ...node, position: { x: position.x as number, y: position.y as number } };
  }
  // name
  if (change.after === null) {
    const { name: _name, ...rest } = node;
    return rest as FlowNode;
  }
  return typeof change.after === "string" ? ({ ...node, name: change.after } as FlowNode) : null;
}
