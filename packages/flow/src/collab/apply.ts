import { dequal } from "dequal";
import { z } from "zod";
import { type FlowDocument, flowDocumentSchema } from "../document/schema.ts";
import { ChangeBatch } from "./batch.ts";
import { type FlowChange, type FlowConflict, flowChangeSchema } from "./change.ts";
import { flattenFlow } from "./flatten.ts";
import { dropOrphanNodeKeys, rollBackDanglingEdges, rollBackOrphanNodes } from "./integrity.ts";
import { nodeIdOf } from "./keys.ts";
import { unflattenFlow } from "./unflatten.ts";

/**
 * merge: a three-way merge into the server's document; a change applies only where its key still holds
 * `before`. force: every change applies (undo, redo, the editor's own edits).
 */
export type FlowApplyMode = "merge" | "force";

export interface ApplyFlowChangesResult {
  document: FlowDocument;
  applied: FlowChange[];
  conflicts: FlowConflict[];
  /** Set when a change is malformed or the result would not be a valid document; then nothing applies. */
  invalid?: string[];
}

const MAX_INVALID_MESSAGES = 20;
const changeListSchema = z.array(flowChangeSchema);

function rejectAll(current: FlowDocument, invalid: string[]): ApplyFlowChangesResult {
  return { document: current, applied: [], conflicts: [], invalid: invalid.slice(0, MAX_INVALID_MESSAGES) };
}

/** Issue paths name nodes by id rather than by their place in the array, which the caller never saw. */
function describeIssue(document: FlowDocument, issue: z.core.$ZodIssue): string {
  const [list, index, ...rest] = issue.path.map(String);
  const node = list === "nodes" ? document.nodes[Number(index)] : undefined;
  const path = node ? [`node/${node.id}`, ...rest] : issue.path.map(String);
  return `${path.join(".") || "document"}: ${issue.message}`;
}

function mergeChange(batch: ChangeBatch, change: FlowChange): void {
  const current = batch.currentValue(change.key);
  // The same edit made twice (a retry, or two people doing the same thing) is not a conflict.
  if (dequal(current, change.after) || dequal(current, change.before)) {
    batch.apply(change);
    return;
  }
  const nodeId = nodeIdOf(change.key);
  const nodeGone = nodeId !== undefined && !batch.nodeExistedOnServer(nodeId);
  batch.reject(change, nodeGone ? "node-deleted" : "changed-elsewhere");
}

/**
 * Applies changes to the server's current document. Never throws: malformed changes, a result that is not
 * a valid document, or anything unexpected leave `current` as it is and say why in `invalid`.
 */
export function applyFlowChanges(
  current: FlowDocument,
  changes: FlowChange[],
  options: { mode: FlowApplyMode } = { mode: "merge" },
): ApplyFlowChangesResult {
  try {
    const checked = changeListSchema.safeParse(changes);
    if (!checked.success) {
      return rejectAll(
        current,
        checked.error.issues.map((issue) => `changes.${issue.path.join(".")}: ${issue.message}`),
      );
    }
    const batch = new ChangeBatch(flattenFlow(current));
    if (options?.mode === "force") {
      for (const change of checked.data) batch.apply(change);
      dropOrphanNodeKeys(batch);
    } else {
      for (const change of checked.data) mergeChange(batch, change);
      rollBackOrphanNodes(batch);
      rollBackDanglingEdges(batch);
    }
    const document = unflattenFlow(batch.working, current);
    const parsed = flowDocumentSchema.safeParse(document);
    if (!parsed.success) {
      return rejectAll(
        current,
        parsed.error.issues.map((issue) => describeIssue(document, issue)),
      );
    }
    return { document: parsed.data, applied: batch.applied(), conflicts: batch.conflicts() };
  } catch (error) {
    // A document deeper than the stack, or a value no JSON holds: report it rather than crash the save.
    return rejectAll(current, [`The changes could not be applied: ${String(error)}`]);
  }
}
