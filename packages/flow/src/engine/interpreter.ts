import type { FlowDocument } from "../document/schema.ts";
import type { ExpertHandoffData } from "../nodes/expert-handoff/node.ts";
import { type CompiledFlow, compileFlow, edgeKey } from "./compile.ts";
import type { FlowEvent } from "./events.ts";
import { matchGlobalAction } from "./global-actions.ts";
import type { TurnInput } from "./input.ts";
import { type JsonValue, toJsonValue } from "./json.ts";
import type { ExpertPersona, NodeContext, StepOutcome } from "./node-definition.ts";
import type { FlowPorts, HistoryMessage } from "./ports.ts";
import { type FlowState, initialState, PATH_LIMIT } from "./state.ts";
import { renderTemplate } from "./template.ts";

/** The user's latest typed message, always available to templates and AI prompts. */
export const LAST_MESSAGE_VARIABLE = "last_message";
export const RESERVED_VARIABLES = [LAST_MESSAGE_VARIABLE] as const;

export interface TurnRequest {
  flow: FlowDocument;
  state: FlowState;
  input: TurnInput;
  ports: FlowPorts;
  /** Recent messages for AI steps; the driver keeps history, not the state. */
  history?: readonly HistoryMessage[];
}

export interface TurnResult {
  events: FlowEvent[];
  state: FlowState;
}

class TurnAborted extends Error {}

/**
 * Runs one turn: applies the input to the state, runs nodes until one waits for the user (or the
 * conversation ends), and returns the events and the next state. Pure apart from the ports it is given:
 * the input state is never modified, and a turn that fails returns the state it started from.
 */
export async function runTurn(request: TurnRequest, onEvent?: (event: FlowEvent) => void): Promise<TurnResult> {
  const flow = compileFlow(request.flow);
  const events: FlowEvent[] = [];
  const emit = (event: FlowEvent) => {
    events.push(event);
    onEvent?.(event);
  };
  const original = request.state;
  const state: FlowState = {
    ...original,
    vars: { ...original.vars },
    path: original.path.slice(),
    waiting: original.waiting,
    expert: original.expert,
  };
  state.turns += 1;
  try {
    await drive(flow, state, request, emit);
  } catch (error) {
    if (!(error instanceof TurnAborted)) {
      emit({ type: "error", code: "node-failed", message: error instanceof Error ? error.message : String(error) });
    }
    return { events, state: { ...original, turns: original.turns + 1 } };
  }
  if (state.path.length > PATH_LIMIT) state.path = state.path.slice(-PATH_LIMIT);
  return { events, state };
}

/** The same turn as an async stream of events; the generator's return value is the next state. */
export async function* streamTurn(request: TurnRequest): AsyncGenerator<FlowEvent, FlowState> {
  const queue: FlowEvent[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  const result = runTurn(request, (event) => {
    queue.push(event);
    wake?.();
  }).finally(() => {
    done = true;
    wake?.();
  });
  while (true) {
    while (queue.length) yield queue.shift() as FlowEvent;
    if (done) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = null;
  }
  return (await result).state;
}

async function drive(flow: CompiledFlow, state: FlowState, request: TurnRequest, emit: (e: FlowEvent) => void) {
  const { input } = request;
  const abort = (event: FlowEvent): never => {
    emit(event);
    throw new TurnAborted();
  };
  if (input.type === "text") state.vars[LAST_MESSAGE_VARIABLE] = input.text;

  let current: string | null = null;
  const typed = input.type === "text" ? input.text : "";
  // While a person answers, the bot stays silent: only an action back to the start (a restart) is heard.
  const actions =
    state.status === "handoff" ? flow.globalActions.filter((a) => a.target === flow.startNodeId) : flow.globalActions;
  const action = state.status !== "new" && input.type === "text" ? matchGlobalAction(actions, typed) : null;
  // A global action to the start node ("restart", "begin again") starts over like a restart input.
  const restart = action !== null && action.target === flow.startNodeId;

  if (input.type === "start" || input.type === "restart" || state.status === "new" || restart) {
    if (!flow.startNodeId) abort({ type: "error", code: "unknown-node", message: "This flow has no start node." });
    const fresh = initialState();
    Object.assign(state, { ...fresh, turns: state.turns, steps: state.steps, vars: { ...flow.defaults } });
    if (input.type === "text") state.vars[LAST_MESSAGE_VARIABLE] = input.text;
    if (input.type === "start" && input.variables) {
      for (const [name, value] of Object.entries(input.variables)) {
        if (!(RESERVED_VARIABLES as readonly string[]).includes(name)) state.vars[name] = value;
      }
    }
    current = flow.startNodeId;
    if (input.type === "start" && input.atNodeId) {
      if (!flow.nodes.has(input.atNodeId)) {
        abort({ type: "error", code: "unknown-node", message: `There is no node "${input.atNodeId}" to start at.` });
      }
      current = input.atNodeId;
    }
  } else if (action) {
    // Global actions ("human", "restart"…) jump from wherever the conversation is.
    state.waiting = null;
    current = action.target;
  } else if (state.status === "ended") {
    abort({
      type: "error",
      code: "conversation-ended",
      message: "This conversation has ended. Start again to continue.",
    });
  } else if (state.status === "handoff") {
    return; // An operator answers now; the bot stays silent.
  } else if (state.waiting) {
    const waitingNode = flow.nodes.get(state.waiting.nodeId);
    if (!waitingNode?.definition.resume) {
      abort({
        type: "error",
        code: "unknown-node",
        message: `The conversation waits at a node that no longer exists.`,
      });
    }
    const { nodeId, data } = state.waiting;
    state.waiting = null;
    const ctx = context(flow, state, request, emit, nodeId, (waitingNode as NonNullable<typeof waitingNode>).node.data);
    let outcome = (waitingNode as NonNullable<typeof waitingNode>).definition.resume?.(ctx, input, data) as
      | StepOutcome
      | Promise<StepOutcome>;
    if (outcome instanceof Promise) outcome = await outcome;
    current = follow(flow, state, nodeId, outcome, emit);
  }

  const budget = flow.document.settings.stepBudget;
  let steps = 0;
  while (current !== null) {
    steps += 1;
    if (steps > budget) {
      abort({
        type: "error",
        code: "step-budget-exceeded",
        message: `Stopped after ${budget} steps without waiting for the user: the flow loops. Check the path through ${current}.`,
      });
    }
    const compiled = flow.nodes.get(current);
    if (!compiled) abort({ type: "error", code: "unknown-node", message: `The flow has no node "${current}".` });
    const { node, definition } = compiled as NonNullable<typeof compiled>;
    state.path.push(node.id);
    if (state.path.length > PATH_LIMIT * 2) state.path.splice(0, state.path.length - PATH_LIMIT);
    state.steps += 1;
    let outcome = definition.run(context(flow, state, request, emit, node.id, node.data));
    if (outcome instanceof Promise) outcome = await outcome;
    current = follow(flow, state, node.id, outcome, emit);
  }
}

function follow(
  flow: CompiledFlow,
  state: FlowState,
  nodeId: string,
  outcome: StepOutcome,
  emit: (e: FlowEvent) => void,
): string | null {
  switch (outcome.kind) {
    case "next": {
      const target = flow.edges.get(edgeKey(nodeId, outcome.handle ?? "next"));
      if (target !== undefined) return target;
      // An output left unconnected ends the conversation, as the builder drew it.
      state.status = "ended";
      state.waiting = null;
      emit({ type: "end", nodeId, reason: "dead-end" });
      return null;
    }
    case "goto":
      return outcome.nodeId;
    case "wait":
      state.status = "waiting";
      state.waiting = { nodeId, data: outcome.data ?? {} };
      return null;
    case "end":
      state.status = "ended";
      state.waiting = null;
      emit({ type: "end", nodeId, reason: "end-node" });
      return null;
    case "handoff":
      state.status = "handoff";
      state.waiting = null;
      emit({ type: "end", nodeId, reason: "handoff" });
      return null;
  }
}

function resolveExpert(flow: CompiledFlow, state: FlowState): ExpertPersona | null {
  if (!state.expert) return null;
  const node = flow.nodes.get(state.expert.nodeId)?.node;
  if (node?.type !== "expert-handoff") return null;
  const data = node.data as ExpertHandoffData;
  return { nodeId: node.id, name: data.name, systemPrompt: data.systemPrompt, model: data.model };
}

function context(
  flow: CompiledFlow,
  state: FlowState,
  request: TurnRequest,
  emit: (e: FlowEvent) => void,
  nodeId: string,
  data: unknown,
): NodeContext<unknown> {
  const settings = flow.document.settings;
  return {
    nodeId,
    data,
    vars: state.vars,
    ports: request.ports,
    history: request.history ?? [],
    settings: { language: settings.language, typingDelayMs: settings.typingDelayMs },
    expert: state.expert ? resolveExpert(flow, state) : null,
    emit,
    render: (template: string) => renderTemplate(template, state.vars),
    setVariables(values: Record<string, JsonValue>) {
      const stored: Record<string, JsonValue> = {};
      for (const name of Object.keys(values)) {
        const raw = values[name] as JsonValue;
        // Stored as JSON gives them back (no -0), so the state survives being saved. Plain values skip the copy.
        const value = raw !== null && typeof raw === "object" ? toJsonValue(raw) : Object.is(raw, -0) ? 0 : raw;
        if (name === "__proto__") {
          // Defined, not assigned: a variable named "__proto__" is a variable, not the object's prototype.
          const property = { value, writable: true, enumerable: true, configurable: true };
          Object.defineProperty(state.vars, name, property);
          Object.defineProperty(stored, name, property);
        } else {
          state.vars[name] = value;
          stored[name] = value;
        }
      }
      emit({ type: "variables-set", nodeId, values: stored });
    },
    setExpert(expert: ExpertPersona) {
      state.expert = { nodeId: expert.nodeId, name: expert.name };
    },
  };
}
