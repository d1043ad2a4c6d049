import { describeNode, type Rule, type ValidationContext } from "../context.ts";
import { reachableFrom } from "../graph.ts";
import type { FlowIssue } from "../issue.ts";

/** Where the conversation can go from a node within the flow: its connected outputs and its jumps. */
export function successorsOf(context: ValidationContext): (id: string) => string[] {
  const cache = new Map<string, string[]>();
  return (id) => {
    let next = cache.get(id);
    if (!next) {
      next = [...(context.connections.get(id) ?? []).map((c) => c.target), ...(context.jumps.get(id) ?? [])];
      cache.set(id, next);
    }
    return next;
  };
}

/** Nodes no conversation can reach: not from the start through edges and jumps, nor through a global action. */
export const reachabilityRule: Rule = (context) => {
  // Without a start everything is unreachable; "no start node" already says so.
  if (context.startIds.length === 0) return [];
  const reached = reachableFrom([...context.startIds, ...context.globalTargets], successorsOf(context));
  const issues: FlowIssue[] = [];
  const reported = new Set<string>();
  for (const info of context.nodes) {
    const id = info.node.id;
    if (reached.has(id) || reported.has(id)) continue;
    reported.add(id);
    issues.push({
      severity: "warning",
      code: "unreachable-node",
      message: `${describeNode(info)} can never be reached: no edge, jump or global action leads to it from the start.`,
      nodeId: id,
      path: `nodes.${info.index}`,
    });
  }
  return issues;
};
