import { describeNode, type Rule } from "../context.ts";
import type { FlowIssue } from "../issue.ts";

/** One start node, unique node ids, known types, readable data. */
export const structureRule: Rule = (context) => {
  const issues: FlowIssue[] = [];
  if (context.startIds.length === 0) {
    issues.push({
      severity: "error",
      code: "no-start-node",
      message: "The flow has no start node, so no conversation can begin. Add a Start node.",
      path: "nodes",
    });
  }
  const seen = new Set<string>();
  let firstStart: string | null = null;
  for (const info of context.nodes) {
    const { node, index } = info;
    if (seen.has(node.id)) {
      issues.push({
        severity: "error",
        code: "duplicate-node-id",
        message: `Two nodes have the id "${node.id}"; ids must be unique. Rename one of them.`,
        nodeId: node.id,
        path: `nodes.${index}.id`,
      });
    }
    seen.add(node.id);
    if (node.type === "start") {
      if (firstStart === null) firstStart = node.id;
      else {
        issues.push({
          severity: "error",
          code: "multiple-start-nodes",
          message: `Start "${node.id}" is a second start node; conversations begin at "${firstStart}" only. Keep one start node.`,
          nodeId: node.id,
          path: `nodes.${index}`,
        });
      }
    }
    if (!info.definition) {
      issues.push({
        severity: "error",
        code: "unknown-node-type",
        message: `Node "${node.id}" has the unknown type "${String(node.type)}".`,
        nodeId: node.id,
        path: `nodes.${index}.type`,
      });
    } else if (!info.readable) {
      issues.push({
        severity: "error",
        code: "invalid-node-data",
        message: `${describeNode(info)} has settings that cannot be read. Open it and fill in its fields again.`,
        nodeId: node.id,
        path: `nodes.${index}.data`,
      });
    }
  }
  return issues;
};
