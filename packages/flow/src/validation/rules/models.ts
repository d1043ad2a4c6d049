import { dataOf, describeNode, type Rule, type ValidationContext } from "../context.ts";
import type { FlowIssue } from "../issue.ts";
import { successorsOf } from "./reachability.ts";

const NO_EXPERT_MODEL = 0;
const EXPERT_MODEL = 1;
type ExpertState = typeof NO_EXPERT_MODEL | typeof EXPERT_MODEL;

/**
 * For each node, whether it can be entered while an expert with a model is speaking. The expert set by an
 * expert handoff lasts (across turns and global actions) until the next handoff replaces it; a restart clears it.
 */
function entersWithExpertModel(context: ValidationContext): Set<string> {
  const successors = successorsOf(context);
  const seen = [new Set<string>(), new Set<string>()] as const;
  const queue: Array<[string, ExpertState]> = [];
  const globalSeeded = [false, false];
  const visit = (id: string, state: ExpertState) => {
    if (seen[state].has(id)) return;
    seen[state].add(id);
    queue.push([id, state]);
  };
  // Without a start node, let conversations begin anywhere rather than flag every AI node.
  const roots = context.startIds.length ? context.startIds : [...context.byId.keys()];
  for (const id of roots) visit(id, NO_EXPERT_MODEL);
  for (let i = 0; i < queue.length; i++) {
    const [id, entry] = queue[i] as [string, ExpertState];
    const expert = dataOf(context.byId.get(id), "expert-handoff");
    const exit: ExpertState = expert ? (expert.model.trim() ? EXPERT_MODEL : NO_EXPERT_MODEL) : entry;
    for (const next of successors(id)) visit(next, exit);
    // A global action can fire whenever the conversation stops for the user, keeping the expert.
    if (!globalSeeded[exit]) {
      globalSeeded[exit] = true;
      for (const target of context.globalTargets) visit(target, exit);
    }
  }
  return seen[EXPERT_MODEL];
}

/**
 * AI nodes need a model: their own, or that of an expert handoff with a model that can come before them.
 */
export const modelsRule: Rule = (context) => {
  const issues: FlowIssue[] = [];
  let covered: Set<string> | null = null;
  for (const info of context.nodes) {
    const { node } = info;
    const data = dataOf(info, "ai-step") ?? dataOf(info, "ai-analysis");
    if (!data || data.model.trim()) continue;
    covered ??= entersWithExpertModel(context);
    if (covered.has(node.id)) continue;
    issues.push({
      severity: "error",
      code: "no-model-preference",
      message: `${describeNode(info)} has no model preference, and no expert handoff with a model comes before it. Choose a model, or add an expert handoff with a model on the way to it.`,
      nodeId: node.id,
      path: `nodes.${info.index}.data.model`,
    });
  }
  return issues;
};
