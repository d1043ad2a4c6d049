import type { FlowDocument, FlowEdge, FlowNode } from "../document/schema.ts";
import { diffFlows } from "./diff.ts";
import { parseFlowKey } from "./keys.ts";

export type NodeSummary = { id: string; type: string; name?: string };

export interface AddedRemovedChanged<T, C = T> {
  added: T[];
  removed: T[];
  changed: C[];
}

/** What differs between two versions of a flow, for a visual diff. */
export interface FlowComparison {
  nodes: AddedRemovedChanged<NodeSummary, NodeSummary & { fields: string[] }>;
  /** An edge whose ends or handle changed is listed as removed (old) and added (new). */
  edges: { added: FlowEdge[]; removed: FlowEdge[] };
  variables: AddedRemovedChanged<string>;
  globalActions: AddedRemovedChanged<string>;
  /** Names of the settings that changed. */
  settings: string[];
  /** True when nothing but the order of items differs. */
  identical: boolean;
}

const summary = (node: FlowNode): NodeSummary => ({
  id: node.id,
  type: node.type,
  ...(node.name === undefined ? {} : { name: node.name }),
});

/** Sorts one changed key's item into added, removed or changed. */
function sortInto(group: AddedRemovedChanged<string>, item: string, before: unknown, after: unknown): void {
  if (before === null) group.added.push(item);
  else if (after === null) group.removed.push(item);
  else if (!group.changed.includes(item)) group.changed.push(item);
}

/** Compares version `a` with the later version `b`. Changed nodes are described as they are in `b`. */
export function compareFlows(a: FlowDocument, b: FlowDocument): FlowComparison {
  const nodesOf = (doc: FlowDocument) => new Map(doc.nodes.map((node) => [node.id, node]));
  const edgesOf = (doc: FlowDocument) => new Map(doc.edges.map((edge) => [edge.id, edge]));
  const [nodesA, nodesB, edgesA, edgesB] = [nodesOf(a), nodesOf(b), edgesOf(a), edgesOf(b)];
  const comparison: FlowComparison = {
    nodes: { added: [], removed: [], changed: [] },
    edges: { added: [], removed: [] },
    variables: { added: [], removed: [], changed: [] },
    globalActions: { added: [], removed: [], changed: [] },
    settings: [],
    identical: true,
  };
  const changedFields = new Map<string, string[]>();
  for (const { key, before, after } of diffFlows(a, b)) {
    comparison.identical = false;
    const parsed = parseFlowKey(key);
    if (parsed?.kind === "node") {
      const wasThere = nodesA.has(parsed.id);
      const isThere = nodesB.has(parsed.id);
      const node = nodesB.get(parsed.id) ?? nodesA.get(parsed.id);
      // A node's own keys all change when it is added or removed; list it once, by its type key.
      if (wasThere && isThere) {
        const fields = changedFields.get(parsed.id) ?? [];
        changedFields.set(parsed.id, [...fields, parsed.part === "data" ? `data.${parsed.field}` : parsed.part]);
      } else if (parsed.part === "type" && node) {
        (isThere ? comparison.nodes.added : comparison.nodes.removed).push(summary(node));
      }
    } else if (parsed?.kind === "edge") {
      const old = edgesA.get(parsed.id);
      const current = edgesB.get(parsed.id);
      if (before !== null && old) comparison.edges.removed.push(old);
      if (after !== null && current) comparison.edges.added.push(current);
    } else if (parsed?.kind === "variable") sortInto(comparison.variables, parsed.name, before, after);
    else if (parsed?.kind === "globalAction") sortInto(comparison.globalActions, parsed.id, before, after);
    else if (parsed?.kind === "settings") comparison.settings.push(parsed.field);
  }
  for (const [id, fields] of changedFields) {
    const node = nodesB.get(id);
    if (node) comparison.nodes.changed.push({ ...summary(node), fields });
  }
  return comparison;
}

/** How many items the comparison lists; a rewired edge counts twice, as it shows as removed and added. */
export function countChanges(comparison: FlowComparison): number {
  const { nodes, edges, variables, globalActions, settings } = comparison;
  return (
    nodes.added.length +
    nodes.removed.length +
    nodes.changed.length +
    edges.added.length +
    edges.removed.length +
    variables.added.length +
    variables.removed.length +
    variables.changed.length +
    globalActions.added.length +
    globalActions.removed.length +
    globalActions.changed.length +
    settings.length
  );
}
