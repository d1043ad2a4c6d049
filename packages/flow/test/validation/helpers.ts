import { expect } from "vitest";
import {
  type FlowDocument,
  type FlowDocumentInput,
  type FlowIssue,
  flowDocumentSchema,
  nodeDefinition,
  validateFlow,
} from "../../src/index.ts";

type NodeInput = FlowDocumentInput["nodes"][number];

/** A node of `type` with its defaults, overridden by `data`. */
export function node(id: string, type: string, data: Record<string, unknown> = {}): NodeInput {
  const defaults = nodeDefinition(type)?.defaults() as Record<string, unknown>;
  return { id, type, position: { x: 0, y: 0 }, data: { ...defaults, ...data } } as NodeInput;
}

export function edge(source: string, target: string, sourceHandle = "next", id?: string) {
  return { id: id ?? `${source}-${sourceHandle}-${target}`, source, sourceHandle, target };
}

/** A schema-valid document (the schema fills defaults), so rules see what the editor would save. */
export function flow(input: Partial<FlowDocumentInput>): FlowDocument {
  return flowDocumentSchema.parse({ version: 1, nodes: [], edges: [], ...input });
}

export function issues(document: FlowDocument, code: string): FlowIssue[] {
  const { errors, warnings } = validateFlow(document);
  return [...errors, ...warnings].filter((issue) => issue.code === code);
}

/** Exactly one issue with this code, of this severity, naming this node. */
export function expectOne(document: FlowDocument, code: string, severity: "error" | "warning", nodeId?: string) {
  const found = issues(document, code);
  expect(found, JSON.stringify(validateFlow(document), null, 2)).toHaveLength(1);
  const [issue] = found as [FlowIssue];
  expect(issue.severity).toBe(severity);
  if (nodeId !== undefined) expect(issue.nodeId).toBe(nodeId);
  expect(issue.message.length).toBeGreaterThan(20);
  return issue;
}

export function expectNone(document: FlowDocument, code: string) {
  expect(issues(document, code), JSON.stringify(validateFlow(document), null, 2)).toEqual([]);
}
