import { describeNode, type Rule } from "../context.ts";
import type { FlowIssue } from "../issue.ts";

/** Jumps and global actions must lead to nodes that exist. */
export const targetsRule: Rule = (context) => {
  const issues: FlowIssue[] = [];
  for (const info of context.nodes) {
    for (const target of info.references.targets) {
      if (context.byId.has(target)) continue;
      issues.push({
        severity: "error",
        code: "unknown-jump-target",
        message: target
          ? `${describeNode(info)} jumps to "${target}", which does not exist. Choose another node.`
          : `${describeNode(info)} has no node to jump to. Choose one.`,
        nodeId: info.node.id,
        path: `nodes.${info.index}.data`,
      });
    }
  }
  const actions = Array.isArray(context.flow.globalActions) ? context.flow.globalActions : [];
  actions.forEach((action, index) => {
    if (context.byId.has(action.target)) return;
    issues.push({
      severity: "error",
      code: "unknown-global-action-target",
      message: `Global action "${action.label ?? action.id}" jumps to "${action.target}", which does not exist. Choose another node.`,
      path: `globalActions.${index}.target`,
    });
  });
  return issues;
};
