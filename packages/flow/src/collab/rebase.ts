import type { FlowDocument } from "../document/schema.ts";
import type { FlowChange } from "./change.ts";
import { type FlatFlow, flattenFlow } from "./flatten.ts";
import { edgeEndpoints, nodePrefix, parseFlowKey } from "./keys.ts";

export type ConflictResolution = "mine" | "theirs";

/**
 * Deleting a node the dialog kept as "mine" deletes it as it is now: fields and edges others added meanwhile
 * would otherwise keep the deletion conflicting on every save.
 */
function deleteWhatOthersAdded(nodeId: string, server: FlatFlow, changes: FlowChange[]): FlowChange[] {
  const keys = new Set(changes.map((change) => change.key));
  const added: FlowChange[] = [];
  for (const [key, value] of server) {
    if (keys.has(key)) continue;
    const atNode = parseFlowKey(key)?.kind === "edge" ? edgeEndpoints(value).includes(nodeId) : false;
    if (key.startsWith(nodePrefix(nodeId)) || atNode) added.push({ key, before: value, after: null });
  }
  return added;
}

/**
 * After a conflict dialog: "mine" keeps a change but expects the server's current value, so it applies on
 * the next save; "theirs" drops it. Changes without a resolution are kept as they are.
 *
 * "mine" on an edit of a node deleted elsewhere still conflicts ("node-deleted"): bringing the node back
 * takes all of its keys, e.g. `diffFlows(current, localDocument)` for that node.
 */
export function rebaseChanges(
  changes: readonly FlowChange[],
  resolved: Readonly<Record<string, ConflictResolution>>,
  current: FlowDocument,
): FlowChange[] {
  const server = flattenFlow(current);
  const rebased: FlowChange[] = [];
  const deletedNodeIds: string[] = [];
  for (const change of changes) {
    const resolution = Object.hasOwn(resolved, change.key) ? resolved[change.key] : undefined;
    if (resolution === "theirs") continue;
    if (resolution !== "mine") {
      rebased.push(change);
      continue;
    }
    rebased.push({ key: change.key, before: server.get(change.key) ?? null, after: change.after });
    const parsed = parseFlowKey(change.key);
    if (parsed?.kind === "node" && parsed.part === "type" && change.after === null) deletedNodeIds.push(parsed.id);
  }
  for (const id of deletedNodeIds) rebased.push(...deleteWhatOthersAdded(id, server, rebased));
  return rebased;
}
