import type { FlowChange } from "@pixel/flow";

/** One undoable edit: the changes it made, never a copy of the document. */
export interface Command {
  label: string;
  changes: FlowChange[];
  /** Edits with the same key in quick succession (typing in one field) undo as one. */
  coalesceKey?: string;
  at: number;
}

const COALESCE_MS = 1_000;
export const UNDO_LIMIT = 200;

/** Pushes a command, merging it into the previous one when both are a burst of the same edit. */
export function pushCommand(stack: readonly Command[], command: Command): Command[] {
  const last = stack.at(-1);
  if (last && command.coalesceKey && last.coalesceKey === command.coalesceKey && command.at - last.at < COALESCE_MS) {
    return [...stack.slice(0, -1), { ...last, changes: mergeChanges(last.changes, command.changes), at: command.at }];
  }
  const next = [...stack, command];
  return next.length > UNDO_LIMIT ? next.slice(next.length - UNDO_LIMIT) : next;
}

/** Two change lists as one: each key keeps its first `before` and its last `after`. */
export function mergeChanges(first: readonly FlowChange[], second: readonly FlowChange[]): FlowChange[] {
  const byKey = new Map<string, FlowChange>();
  for (const change of first) byKey.set(change.key, { ...change });
  for (const change of second) {
    const earlier = byKey.get(change.key);
    if (earlier) {
      byKey.delete(change.key);
      byKey.set(change.key, { key: change.key, before: earlier.before, after: change.after });
    } else byKey.set(change.key, { ...change });
  }
  return [...byKey.values()];
}
