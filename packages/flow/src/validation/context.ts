import type { FlowDocument, FlowEdge, FlowNode } from "../document/schema.ts";
import {
  NO_REFERENCES,
  type NodeDefinition,
  type NodeReferences,
  type OutputHandle,
} from "../engine/node-definition.ts";
import type { AiAnalysisData } from "../nodes/ai-analysis/node.ts";
import type { AiStepData } from "../nodes/ai-step/node.ts";
import type { ConditionData } from "../nodes/condition/node.ts";
import type { ExpertHandoffData } from "../nodes/expert-handoff/node.ts";
import type { QuickReplyData } from "../nodes/quick-reply/node.ts";
import { nodeDefinition } from "../nodes/registry.ts";
import type { SetVariableData } from "../nodes/set-variable/node.ts";
import type { WebhookData } from "../nodes/webhook/node.ts";
import type { FlowIssue } from "./issue.ts";

/** A node with what its definition says about it, computed once per validation. */
export interface NodeInfo {
  node: FlowNode;
  /** Position in `flow.nodes`, for issue paths. */
  index: number;
  definition: NodeDefinition<unknown> | undefined;
  outputs: OutputHandle[];
  references: NodeReferences;
  waits: boolean;
  /** False when the definition rejected the data (a document that skipped the schema). */
  readable: boolean;
}

export interface EdgeInfo {
  edge: FlowEdge;
  index: number;
}

/** A connection the engine would follow: the first edge of a real output whose target exists. */
export interface Connection {
  handle: string;
  target: string;
  edge: EdgeInfo;
}

/** Everything the rules share, so each walks the document once at most. */
export interface ValidationContext {
  flow: FlowDocument;
  nodes: NodeInfo[];
  /** By id; with duplicate ids the last one wins, as in the engine. */
  byId: Map<string, NodeInfo>;
  startIds: string[];
  edges: EdgeInfo[];
  /** Edges leaving each `${source}\u0000${handle}`, in document order. */
  edgesByOutput: Map<string, EdgeInfo[]>;
  /** Per node id: the connections the engine would follow. */
  connections: Map<string, Connection[]>;
  /** Per node id: the existing nodes it jumps to (`references(data).targets`). */
  jumps: Map<string, string[]>;
  /** Existing nodes that global actions jump to. */
  globalTargets: string[];
}

export const outputKey = (source: string, handle: string) => `${source}\u0000${handle}`;

function attempt<T>(run: () => T, fallback: T): { value: T; ok: boolean } {
  try {
    return { value: run(), ok: true };
  } catch {
    return { value: fallback, ok: false };
  }
}

function inspect(node: FlowNode, index: number): NodeInfo {
  const definition = nodeDefinition(node.type);
  if (!definition)
    return { node, index, definition, outputs: [], references: NO_REFERENCES, waits: false, readable: false };
  const outputs = attempt(() => definition.outputs(node.data), [] as OutputHandle[]);
  const references = attempt(() => definition.references(node.data), NO_REFERENCES);
  const waits = attempt(() => definition.waitsForInput(node.data) === true, false);
  return {
    node,
    index,
    definition,
    outputs: Array.isArray(outputs.value) ? outputs.value : [],
    references: references.value,
    waits: waits.value,
    readable: outputs.ok && references.ok && waits.ok,
  };
}

export function buildContext(flow: FlowDocument): ValidationContext {
  const nodes = (Array.isArray(flow.nodes) ? flow.nodes : []).map(inspect);
  const byId = new Map<string, NodeInfo>();
  for (const info of nodes) byId.set(info.node.id, info);
  const startIds = nodes.filter((n) => n.node.type === "start").map((n) => n.node.id);

  const edges = (Array.isArray(flow.edges) ? flow.edges : []).map((edge, index) => ({ edge, index }));
  const edgesByOutput = new Map<string, EdgeInfo[]>();
  for (const info of edges) {
    const key = outputKey(info.edge.source, info.edge.sourceHandle);
    const list = edgesByOutput.get(key);
    if (list) list.push(info);
    else edgesByOutput.set(key, [info]);
  }

  const connections = new Map<string, Connection[]>();
  const jumps = new Map<string, string[]>();
  for (const [id, info] of byId) {
    const list: Connection[] = [];
    for (const output of info.outputs) {
      // The engine follows the first edge of an output, whatever comes after it.
      const first = edgesByOutput.get(outputKey(id, output.id))?.[0];
      if (first && byId.has(first.edge.target))
        list.push({ handle: output.id, target: first.edge.target, edge: first });
    }
    connections.set(id, list);
    jumps.set(
      id,
      info.references.targets.filter((target) => byId.has(target)),
    );
  }
  const actions = Array.isArray(flow.globalActions) ? flow.globalActions : [];
  const globalTargets = [...new Set(actions.map((a) => a.target).filter((target) => byId.has(target)))];

  return { flow, nodes, byId, startIds, edges, edgesByOutput, connections, jumps, globalTargets };
}

/** How issues name a node: its type, and its name when it has one, always with the id. */
export function describeNode(info: NodeInfo): string {
  const label = info.definition?.label ?? info.node.type;
  return info.node.name ? `${label} "${info.node.name}" (${info.node.id})` : `${label} "${info.node.id}"`;
}

interface DataByType {
  "ai-analysis": AiAnalysisData;
  "ai-step": AiStepData;
  condition: ConditionData;
  "expert-handoff": ExpertHandoffData;
  "quick-reply": QuickReplyData;
  "set-variable": SetVariableData;
  webhook: WebhookData;
}

/** The node's data when it is of the given type (and readable), typed; otherwise null. */
export function dataOf<K extends keyof DataByType>(info: NodeInfo | undefined, type: K): DataByType[K] | null {
  return info?.node.type === type && info.readable ? (info.node.data as DataByType[K]) : null;
}

export type Rule = (context: ValidationContext) => FlowIssue[];
