import type { FlowDocument, FlowNode, GlobalAction } from "../document/schema.ts";
import { nodeDefinition } from "../nodes/registry.ts";
import { type JsonValue, toJsonValue } from "./json.ts";
import type { NodeDefinition } from "./node-definition.ts";

export interface CompiledNode {
  node: FlowNode;
  definition: NodeDefinition<unknown>;
}

/** A flow prepared for running: lookups by id and by (node, output) instead of scans per step. */
export interface CompiledFlow {
  document: FlowDocument;
  nodes: Map<string, CompiledNode>;
  /** `${source}\u0000${handle}` → target node id. */
  edges: Map<string, string>;
  startNodeId: string | null;
  globalActions: GlobalAction[];
  defaults: Record<string, JsonValue>;
}

const cache = new WeakMap<FlowDocument, CompiledFlow>();

export function edgeKey(source: string, handle: string): string {
  return `${source}\u0000${handle}`;
}

/** Compiles once per document object; the engine calls it every turn at no cost after the first. */
export function compileFlow(document: FlowDocument): CompiledFlow {
  const cached = cache.get(document);
  if (cached) return cached;
  const nodes = new Map<string, CompiledNode>();
  let startNodeId: string | null = null;
  for (const node of document.nodes) {
    const definition = nodeDefinition(node.type);
    if (!definition) continue;
    nodes.set(node.id, { node, definition });
    if (node.type === "start" && startNodeId === null) startNodeId = node.id;
  }
  const edges = new Map<string, string>();
  for (const edge of document.edges) {
    const key = edgeKey(edge.source, edge.sourceHandle);
    if (!edges.has(key)) edges.set(key, edge.target);
  }
  // Built from entries, so a variable named "__proto__" stays a plain key.
  const defaults: Record<string, JsonValue> = Object.fromEntries(
    document.variables.filter((v) => v.default !== undefined).map((v) => [v.name, toJsonValue(v.default)]),
  );
  const compiled = { document, nodes, edges, startNodeId, globalActions: document.globalActions, defaults };
  cache.set(document, compiled);
  return compiled;
}
