import { isDeepStrictEqual } from "node:util";
import { expect } from "vitest";
import {
  type FlowDocument,
  type FlowEvent,
  type FlowState,
  flowStateSchema,
  initialState,
  runTurn,
  type TurnInput,
} from "../../src/index.ts";
import { resolveReply, type ScriptedInput } from "./arbitraries.ts";
import { fakePorts } from "./fake-ports.ts";

/**
 * Strict deep equality by prototype and Object.is (so -0 is not 0), not by a `constructor` property:
 * variables may be named "constructor".
 */
export function expectSame(actual: unknown, expected: unknown, what: string) {
  if (isDeepStrictEqual(actual, expected)) return;
  expect.fail(`${what} differ:\n${JSON.stringify(actual)}\n${JSON.stringify(expected)}`);
}

/** What JSON keeps of a value: no undefined properties (a function or -0 is still caught). */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  );
}

export interface Turn {
  input: TurnInput;
  before: FlowState;
  events: FlowEvent[];
  after: FlowState;
}

/** Plays the inputs turn by turn, persisting the state as JSON between turns like a real driver. */
export async function play(flow: FlowDocument, inputs: ScriptedInput[], seed: number): Promise<Turn[]> {
  const { ports } = fakePorts(seed);
  const history: Array<{ role: "user" | "assistant"; text: string }> = [];
  const turns: Turn[] = [];
  let state = initialState();
  for (const scripted of inputs) {
    const input = scripted.type === "reply" ? resolveReply(flow, state, scripted) : scripted;
    const snapshot = structuredClone(state);
    const { events, state: after } = await runTurn({ flow, state, input, ports, history });
    // The input state is never touched.
    expectSame(state, snapshot, "the input state before and after the turn");
    turns.push({ input, before: snapshot, events, after });
    if (input.type === "text") history.push({ role: "user", text: input.text });
    for (const event of events) if (event.type === "message") history.push({ role: "assistant", text: event.text });
    state = JSON.parse(JSON.stringify(after));
  }
  return turns;
}

export function checkTurn(flow: FlowDocument, turn: Turn) {
  const budget = flow.settings.stepBudget;
  const { before, events, after } = turn;
  // The turn ends within the step budget.
  const ran = after.steps - before.steps;
  expect(ran).toBeGreaterThanOrEqual(0);
  expect(ran).toBeLessThanOrEqual(budget);
  expect(after.turns).toBe(before.turns + 1);
  const budgetErrors = events.filter((e) => e.type === "error" && e.code === "step-budget-exceeded");
  expect(budgetErrors.length).toBeLessThanOrEqual(1);
  if (budgetErrors.length === 1) {
    // Stopped as a runaway: the error is the last word and the turn leaves the state as it found it.
    expect(events.at(-1)).toBe(budgetErrors[0]);
    expectSame(after, { ...before, turns: before.turns + 1 }, "the state after a runaway turn and before it");
  }
  // The state is plain JSON and a valid state.
  expectSame(JSON.parse(JSON.stringify(after)), after, "the state and its JSON round trip");
  const parsed = flowStateSchema.safeParse(after);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  // Events are plain data too.
  expectSame(JSON.parse(JSON.stringify(events)), withoutUndefined(events), "the events and their JSON round trip");
}
