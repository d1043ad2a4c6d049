import { describeNode, type NodeInfo, type Rule } from "../context.ts";
import { cycleThrough, stronglyConnected } from "../graph.ts";
import type { FlowIssue } from "../issue.ts";

/**
 * Outputs a waiting node may take in the same turn it was entered, before waiting: an AI step in chat
 * mode follows "error" at once when the model fails, so a loop through that output never waits.
 */
const EXITS_WITHOUT_WAITING: Readonly<Record<string, readonly string[]>> = { "ai-step": ["error"] };

/**
 * Loops in which no node waits for the user would run until the step budget stops the turn. A node that
 * waits breaks every loop through it, except through the outputs it may take without waiting.
 */
export const loopsRule: Rule = (context) => {
  const successors = (id: string): string[] => {
    const info = context.byId.get(id) as NodeInfo;
    const connections = context.connections.get(id) ?? [];
    if (info.waits) {
      const exits = EXITS_WITHOUT_WAITING[info.node.type] ?? [];
      return connections.filter((c) => exits.includes(c.handle)).map((c) => c.target);
    }
    return [...connections.map((c) => c.target), ...(context.jumps.get(id) ?? [])];
  };
  const cache = new Map<string, string[]>();
  const cached = (id: string) => {
    let next = cache.get(id);
    if (!next) {
      next = successors(id);
      cache.set(id, next);
    }
    return next;
  };

  const order = new Map<string, number>();
  for (const [id, info] of context.byId) order.set(id, info.index);
  const issues: FlowIssue[] = [];
  for (const component of stronglyConnected([...context.byId.keys()], cached)) {
    const only = component[0] as string;
    if (component.length === 1 && !cached(only).includes(only)) continue;
    component.sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
    const first = component[0] as string;
    const cycle = cycleThrough(first, new Set(component), cached);
    const shown = [...cycle, first].join(" → ");
    const more =
      component.length > cycle.length ? ` (${component.length} nodes loop together: ${component.join(", ")})` : "";
    issues.push({
      severity: "error",
      code: "loop-without-input",
      message: `${describeNode(context.byId.get(first) as NodeInfo)} is in a loop that never waits for the user: ${shown}${more}. The conversation would run until the step budget stops it; add a question (quick reply, collect data) or change an edge.`,
      nodeId: first,
      nodeIds: cycle,
      path: `nodes.${(context.byId.get(first) as NodeInfo).index}`,
    });
  }
  return issues;
};
