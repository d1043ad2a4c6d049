import { isDeepStrictEqual } from "node:util";
import {
  type FlowDocument,
  type FlowEvent,
  type FlowPorts,
  type FlowState,
  flowStateSchema,
  type HistoryMessage,
  initialState,
  runTurn,
  type TurnInput,
} from "../../src/index.ts";
import { fakePorts } from "./ports.ts";

/**
 * The state as a database gives it back: a JSON copy, checked against the state schema. Throws when the
 * copy differs from the original (an undefined, a NaN, a Date… would not survive storage).
 */
export function roundTrip(state: FlowState): FlowState {
  const copy = flowStateSchema.parse(JSON.parse(JSON.stringify(state)));
  if (!isDeepStrictEqual(copy, state)) throw new Error(`The state does not survive JSON: ${JSON.stringify(state)}`);
  return copy;
}

/**
 * Drives a conversation the way the server does: one runTurn per input, the state stored as JSON between
 * turns, and a history of what was said (user texts, bot messages, finished AI answers) passed back in.
 */
export class Conversation {
  state: FlowState;
  readonly history: HistoryMessage[] = [];
  /** Every turn's events, in order. */
  readonly turns: FlowEvent[][] = [];

  constructor(
    readonly flow: FlowDocument,
    readonly ports: FlowPorts = fakePorts(),
    state: FlowState = initialState(),
  ) {
    this.state = state;
  }

  async send(input: TurnInput): Promise<FlowEvent[]> {
    const before = roundTrip(this.state);
    const { events, state } = await runTurn({
      flow: this.flow,
      state: before,
      input,
      ports: this.ports,
      history: this.history.slice(),
    });
    if (input.type === "text") this.history.push({ role: "user", text: input.text });
    for (const event of events) {
      if (event.type === "message") this.history.push({ role: "assistant", text: event.text });
      if (event.type === "text-end") this.history.push({ role: "assistant", text: event.text });
    }
    this.state = roundTrip(state);
    this.turns.push(events);
    return events;
  }

  start() {
    return this.send({ type: "start" });
  }
  say(text: string) {
    return this.send({ type: "text", text });
  }
  choose(optionId: string) {
    return this.send({ type: "choice", optionId });
  }
  submit(values: Record<string, string | number | null>) {
    return this.send({ type: "form", values });
  }
  restart() {
    return this.send({ type: "restart" });
  }

  get vars() {
    return this.state.vars;
  }
}
