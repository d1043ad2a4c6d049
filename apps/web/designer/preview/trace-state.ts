import { type FlowDocument, type JsonValue, nodeDefinition, type PreviewTraceStep } from "@pixel/flow";

/** One AI call of the preview, with what it used and cost. */
export interface AiStepView {
  /** Stable within a preview conversation, for React keys. */
  seq: number;
  nodeId: string;
  provider?: string;
  model: string;
  tokensIn: number;
  tokensOut: number;
  costUsd?: number;
  latencyMs?: number;
  status: "complete" | "partial";
}

export interface WebhookView {
  seq: number;
  nodeId: string;
  ok: boolean;
  status?: number;
  error?: string;
}

/** What the designer shows of the preview conversation: where it went, what it knows, what AI cost. */
export interface TraceState {
  /** Node ids in the order they ran (the engine's path at the end of each turn). */
  path: string[];
  vars: Record<string, JsonValue>;
  aiSteps: AiStepView[];
  webhooks: WebhookView[];
  /** The node the conversation is at: the one running, then the one waiting for the user. */
  activeNodeId: string | null;
  waitingNodeId: string | null;
  /** The engine's status after the last turn ("new", "waiting", "handoff", "ended"); null before the first. */
  status: string | null;
  /** Steps folded so far; numbers AI steps and webhooks. */
  seq: number;
}

export const EMPTY_TRACE: TraceState = {
  path: [],
  vars: {},
  aiSteps: [],
  webhooks: [],
  activeNodeId: null,
  waitingNodeId: null,
  status: null,
  seq: 0,
};

/** Folds one `data-trace` step into the trace. Pure: returns a new state, or the same one when nothing changed. */
export function foldTrace(state: TraceState, step: PreviewTraceStep): TraceState {
  const seq = state.seq + 1;
  switch (step.kind) {
    case "node": {
      // Live progress during a turn; the `state` step at the end of the turn is authoritative.
      const path = state.path.at(-1) === step.nodeId ? state.path : [...state.path, step.nodeId];
      return { ...state, seq, path, activeNodeId: step.nodeId };
    }
    case "variables":
      return { ...state, seq, vars: { ...state.vars, ...step.values } };
    case "ai": {
      const { usage } = step;
      const view: AiStepView = {
        seq,
        nodeId: step.nodeId,
        model: usage.model,
        tokensIn: usage.tokensIn,
        tokensOut: usage.tokensOut,
        status: step.status,
        ...(usage.provider !== undefined ? { provider: usage.provider } : {}),
        ...(usage.costUsd !== undefined ? { costUsd: usage.costUsd } : {}),
        ...(usage.latencyMs !== undefined ? { latencyMs: usage.latencyMs } : {}),
      };
      return { ...state, seq, aiSteps: [...state.aiSteps, view] };
    }
    case "webhook": {
      const view: WebhookView = {
        seq,
        nodeId: step.nodeId,
        ok: step.ok,
        ...(step.status !== undefined ? { status: step.status } : {}),
        ...(step.error !== undefined ? { error: step.error } : {}),
      };
      return { ...state, seq, webhooks: [...state.webhooks, view] };
    }
    case "state":
      return {
        ...state,
        seq,
        path: step.path,
        vars: step.vars,
        waitingNodeId: step.waitingNodeId,
        status: step.status,
        activeNodeId: step.waitingNodeId ?? (step.status === "ended" ? null : (step.path.at(-1) ?? null)),
      };
    default:
      return state;
  }
}

/** Folds a list of steps, e.g. a whole turn. */
export function foldTraceSteps(steps: readonly PreviewTraceStep[], initial: TraceState = EMPTY_TRACE): TraceState {
  return steps.reduce(foldTrace, initial);
}

/** Total tokens and cost of the AI steps; cost is undefined when no step reported one. */
export function aiTotals(steps: readonly AiStepView[]): { tokensIn: number; tokensOut: number; costUsd?: number } {
  let tokensIn = 0;
  let tokensOut = 0;
  let cost: number | undefined;
  for (const step of steps) {
    tokensIn += step.tokensIn;
    tokensOut += step.tokensOut;
    if (step.costUsd !== undefined) cost = (cost ?? 0) + step.costUsd;
  }
  return cost === undefined ? { tokensIn, tokensOut } : { tokensIn, tokensOut, costUsd: cost };
}

/** US dollars with at least 4 decimals (6 for fractions of a hundredth of a cent); "—" when unknown. */
export function formatUsd(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "—";
  const decimals = value !== 0 && Math.abs(value) < 0.0001 ? 6 : 4;
  return `${value < 0 ? "-" : ""}$${Math.abs(value).toFixed(decimals)}`;
}

/** A variable's value in one line: strings as they are, everything else as JSON, cut at `max`. */
export function formatValue(value: JsonValue, max = 120): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A node's name as the canvas shows it: its own name, else its type's label; the id for unknown nodes. */
export function nodeNamer(doc: Pick<FlowDocument, "nodes">): (nodeId: string) => string {
  const names = new Map(doc.nodes.map((n) => [n.id, n.name?.trim() || nodeDefinition(n.type)?.label || n.type]));
  return (nodeId) => names.get(nodeId) ?? nodeId;
}

/** The "Start at node" choices: every node, named, ambiguous names told apart by id, in name order. */
export function startChoices(doc: Pick<FlowDocument, "nodes">): { id: string; label: string }[] {
  const name = nodeNamer(doc);
  const counts = new Map<string, number>();
  for (const node of doc.nodes) counts.set(name(node.id), (counts.get(name(node.id)) ?? 0) + 1);
  return doc.nodes
    .map((node) => {
      const label = name(node.id);
      return { id: node.id, label: (counts.get(label) ?? 0) > 1 ? `${label} (${node.id})` : label };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}
