import type { ChangeBatch } from "./batch.ts";
import { edgeEndpoints, parseFlowKey } from "./keys.ts";

/**
 * Keys of a node left without a type (a field edited while someone deleted the node, or a deletion that
 * missed a field edited meanwhile) are rolled back, so a node is always whole or gone.
 */
export function rollBackOrphanNodes(batch: ChangeBatch): void {
  for (const id of batch.orphanNodeIds()) {
    // The node is still on the server: this batch deleted it, but someone edited one of its fields meanwhile.
    batch.rollbackNode(id, batch.nodeExistedOnServer(id) ? "changed-elsewhere" : "node-deleted");
  }
}

/**
 * An edge must not end up pointing at a node that is gone because of this batch: an added or moved edge to
 * a missing node is rolled back, and so is the deletion of a node that someone else's edge still uses.
 * Rolling back can expose another such edge, so this repeats until nothing changes; every round rolls back
 * at least one change, so it ends. Edges already dangling on the server are left alone.
 */
export function rollBackDanglingEdges(batch: ChangeBatch): void {
  let rolledBack = true;
  while (rolledBack) {
    rolledBack = false;
    for (const [key, value] of [...batch.working]) {
      if (parseFlowKey(key)?.kind !== "edge") continue;
      for (const endpoint of edgeEndpoints(value)) {
        if (batch.nodeExists(endpoint)) continue;
        if (batch.isApplied(key)) {
          batch.rollbackKey(key, "edge-endpoint-missing", endpoint);
          rolledBack = true;
          break;
        }
        if (batch.nodeExistedOnServer(endpoint)) {
          batch.rollbackNode(endpoint, "edge-endpoint-missing");
          rolledBack = true;
        }
      }
    }
  }
}

/** Force mode keeps every change but still drops the keys of nodes without a type. */
export function dropOrphanNodeKeys(batch: ChangeBatch): void {
  const orphans = new Set(batch.orphanNodeIds());
  if (orphans.size === 0) return;
  for (const key of [...batch.working.keys()]) {
    const parsed = parseFlowKey(key);
    if (parsed?.kind === "node" && orphans.has(parsed.id)) batch.working.delete(key);
  }
}
