import type { JsonValue } from "../engine/json.ts";
import type { FlowChange, FlowConflict, FlowConflictReason } from "./change.ts";
import type { FlatFlow } from "./flatten.ts";
import { edgeEndpoints, nodeIdOf, nodeKey, nodePrefix, parseFlowKey } from "./keys.ts";

/**
 * One apply call: a working copy of the server's flat document and, for each change in order, whether it
 * was applied or became a conflict. Rolling back a key puts the server's value back.
 */
export class ChangeBatch {
  readonly working: FlatFlow;
  private readonly outcomes: { change: FlowChange; conflict?: FlowConflict }[] = [];
  /** Outcome indexes of the applied changes, by key. */
  private readonly appliedByKey = new Map<string, number[]>();

  constructor(readonly server: ReadonlyMap<string, JsonValue>) {
    this.working = new Map(server);
  }

  serverValue(key: string): JsonValue | null {
    return this.server.get(key) ?? null;
  }

  currentValue(key: string): JsonValue | null {
    return this.working.get(key) ?? null;
  }

  nodeExists(id: string): boolean {
    return this.working.has(nodeKey(id, "type"));
  }

  nodeExistedOnServer(id: string): boolean {
    return this.server.has(nodeKey(id, "type"));
  }

  isApplied(key: string): boolean {
    return this.appliedByKey.has(key);
  }

  apply(change: FlowChange): void {
    if (change.after === null) this.working.delete(change.key);
    else this.working.set(change.key, change.after);
    const indexes = this.appliedByKey.get(change.key) ?? [];
    indexes.push(this.outcomes.length);
    this.appliedByKey.set(change.key, indexes);
    this.outcomes.push({ change });
  }

  reject(change: FlowChange, reason: FlowConflictReason, nodeId = nodeIdOf(change.key)): void {
    this.outcomes.push({ change, conflict: this.conflict(change, reason, nodeId) });
  }

  /** Turns every applied change of `key` into a conflict and restores the server's value. */
  rollbackKey(key: string, reason: FlowConflictReason, nodeId = nodeIdOf(key)): void {
    for (const index of this.appliedByKey.get(key) ?? []) {
      const outcome = this.outcomes[index];
      if (outcome) outcome.conflict = this.conflict(outcome.change, reason, nodeId);
    }
    this.appliedByKey.delete(key);
    const serverValue = this.server.get(key);
    if (serverValue === undefined) this.working.delete(key);
    else this.working.set(key, serverValue);
  }

  /**
   * Rolls back every applied change to one node's keys, and the deletions of the server's edges at the node:
   * a node deletion that cannot go through should not leave the node cut off from the graph.
   */
  rollbackNode(id: string, reason: FlowConflictReason): void {
    const prefix = nodePrefix(id);
    const restoresNode = this.nodeExistedOnServer(id);
    for (const key of [...this.appliedByKey.keys()]) {
      const deletedEdge = restoresNode && parseFlowKey(key)?.kind === "edge" && !this.working.has(key);
      if (key.startsWith(prefix) || (deletedEdge && edgeEndpoints(this.server.get(key)).includes(id))) {
        this.rollbackKey(key, reason, id);
      }
    }
  }

  /** Ids of nodes that have keys in the working copy but no type key. */
  orphanNodeIds(): string[] {
    const ids = new Set<string>();
    for (const key of this.working.keys()) {
      const id = nodeIdOf(key);
      if (id !== undefined && !this.nodeExists(id)) ids.add(id);
    }
    return [...ids];
  }

  applied(): FlowChange[] {
    return this.outcomes.filter((outcome) => !outcome.conflict).map((outcome) => outcome.change);
  }

  conflicts(): FlowConflict[] {
    return this.outcomes.flatMap((outcome) => (outcome.conflict ? [outcome.conflict] : []));
  }

  private conflict(change: FlowChange, reason: FlowConflictReason, nodeId?: string): FlowConflict {
    const current = this.serverValue(change.key);
    return { key: change.key, change, current, reason, ...(nodeId === undefined ? {} : { nodeId }) };
  }
}
