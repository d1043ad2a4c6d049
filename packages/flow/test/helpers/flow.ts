import { type FlowDocument, type FlowDocumentInput, flowDocumentSchema } from "../../src/index.ts";

type DocumentNode = FlowDocumentInput["nodes"][number];

/** A node as tests write it: no position needed. */
export type NodeInput = { id: string; type: DocumentNode["type"]; name?: string; data?: unknown };

/**
 * An edge as tests write it: `"a -> b"`, `"a:handle -> b"`, or an object. Ids are made up when left out.
 */
export type EdgeInput = string | { id?: string; source: string; sourceHandle?: string; target: string };

export interface FlowInput {
  nodes: NodeInput[];
  edges?: EdgeInput[];
  variables?: FlowDocumentInput["variables"];
  globalActions?: FlowDocumentInput["globalActions"];
  settings?: Partial<NonNullable<FlowDocumentInput["settings"]>>;
}

const EDGE = /^\s*([\w-]+)(?::([\w-]+))?\s*->\s*([\w-]+)\s*$/;

export function parseEdge(edge: EdgeInput, index: number) {
  if (typeof edge !== "string") return { id: edge.id ?? `e${index}`, ...edge };
  const match = EDGE.exec(edge);
  if (!match) throw new Error(`Not an edge: "${edge}" (write "a -> b" or "a:handle -> b")`);
  const [, source, handle, target] = match as unknown as [string, string, string | undefined, string];
  return { id: `e${index}`, source, ...(handle ? { sourceHandle: handle } : {}), target };
}

/**
 * Builds and parses a flow document: nodes get default positions (a column), edges may be written
 * "a -> b" / "a:handle -> b", and the settings default to no typing delay. Throws when the document is invalid.
 */
export function buildFlow(input: FlowInput): FlowDocument {
  return flowDocumentSchema.parse({
    version: 1,
    nodes: input.nodes.map((node, i) => ({ ...node, data: node.data ?? {}, position: { x: 0, y: i * 120 } })),
    edges: (input.edges ?? []).map(parseEdge),
    variables: input.variables ?? [],
    globalActions: input.globalActions ?? [],
    settings: { language: "en", typingDelayMs: 0, stepBudget: 200, ...input.settings },
  });
}

/** `start -> a -> b -> …`: a straight line through the given node ids. */
export function chain(...ids: string[]): string[] {
  return ids.slice(1).map((id, i) => `${ids[i]} -> ${id}`);
}
