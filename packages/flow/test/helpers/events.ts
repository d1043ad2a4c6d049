import type { FlowEvent } from "../../src/index.ts";

export type EventOf<T extends FlowEvent["type"]> = Extract<FlowEvent, { type: T }>;

/** The event types in order, the quickest way to assert the shape of a turn. */
export const types = (events: readonly FlowEvent[]) => events.map((e) => e.type);

export function ofType<T extends FlowEvent["type"]>(events: readonly FlowEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}

/** The only event of a type; throws when there is none or several. */
export function single<T extends FlowEvent["type"]>(events: readonly FlowEvent[], type: T): EventOf<T> {
  const found = ofType(events, type);
  if (found.length !== 1) throw new Error(`Expected one "${type}" event, got ${found.length}: ${types(events)}`);
  return found[0] as EventOf<T>;
}

/** The texts of the message events. */
export const messages = (events: readonly FlowEvent[]) => ofType(events, "message").map((e) => e.text);

/** Everything streamed or said as one string per message, in order (message texts and finished AI texts). */
export const said = (events: readonly FlowEvent[]) =>
  events.flatMap((e) => (e.type === "message" || e.type === "text-end" ? [e.text] : []));

/** Freezes a value and everything inside it, so any mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
