import { dequal } from "dequal";
import type { FlowDocument } from "../document/schema.ts";
import type { FlowChange } from "./change.ts";
import { flattenFlow } from "./flatten.ts";

/**
 * The changes that turn `base` into `next`, one per key whose value differs. Keys of `next` come first in its
 * order, so applying the changes appends new items in `next`'s order; removals follow.
 */
export function diffFlows(base: FlowDocument, next: FlowDocument): FlowChange[] {
  const before = flattenFlow(base);
  const after = flattenFlow(next);
  const changes: FlowChange[] = [];
  for (const [key, value] of after) {
    const old = before.get(key) ?? null;
    if (!dequal(old, value)) changes.push({ key, before: old, after: value });
  }
  for (const [key, value] of before) {
    if (!after.has(key)) changes.push({ key, before: value, after: null });
  }
  return changes;
}
