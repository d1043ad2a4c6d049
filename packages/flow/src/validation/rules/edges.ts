import { describeNode, type Rule } from "../context.ts";
import type { FlowIssue } from "../issue.ts";

/** Edge ids, ends that exist, outputs the source really has, one edge per output. */
export const edgesRule: Rule = (context) => {
  const issues: FlowIssue[] = [];
  const seen = new Set<string>();
  const used = new Map<string, string>();
  for (const { edge, index } of context.edges) {
    const path = `edges.${index}`;
    if (seen.has(edge.id)) {
      issues.push({
        severity: "error",
        code: "duplicate-edge-id",
        message: `Two edges have the id "${edge.id}"; ids must be unique.`,
        edgeId: edge.id,
        path: `${path}.id`,
      });
    }
    seen.add(edge.id);

    const source = context.byId.get(edge.source);
    const target = context.byId.get(edge.target);
    if (!source || !target) {
      const missing = [!source && `source "${edge.source}"`, !target && `target "${edge.target}"`].filter(Boolean);
      issues.push({
        severity: "error",
        code: "dangling-edge",
        message: `Edge "${edge.id}" connects to a node that does not exist (${missing.join(" and ")}). Delete the edge or reconnect it.`,
        edgeId: edge.id,
        ...(source ? { nodeId: source.node.id } : target ? { nodeId: target.node.id } : {}),
        path: !source ? `${path}.source` : `${path}.target`,
      });
    }
    if (!source) continue;
    if (source.definition && !source.outputs.some((o) => o.id === edge.sourceHandle)) {
      const available = source.outputs.map((o) => `"${o.id}"`).join(", ");
      issues.push({
        severity: "error",
        code: "unknown-output",
        message: `Edge "${edge.id}" leaves ${describeNode(source)} from the output "${edge.sourceHandle}", which it does not have (${available ? `its outputs: ${available}` : "it has no outputs"}). The edge is never followed.`,
        nodeId: source.node.id,
        edgeId: edge.id,
        path: `${path}.sourceHandle`,
      });
      continue;
    }
    const key = `${edge.source}\u0000${edge.sourceHandle}`;
    const first = used.get(key);
    if (first !== undefined) {
      issues.push({
        severity: "error",
        code: "duplicate-output-edge",
        message: `Output "${edge.sourceHandle}" of ${describeNode(source)} has two edges ("${first}" and "${edge.id}"); only the first is followed. Delete one.`,
        nodeId: source.node.id,
        edgeId: edge.id,
        path,
      });
    } else used.set(key, edge.id);
  }
  return issues;
};
