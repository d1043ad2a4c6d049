import {
  changedFields,
  groupIssues,
  type IssueMap,
  jsonEqual,
  mergeWorking,
  NO_ISSUES,
  type SchemaIssue,
  setIn,
  shareStructure,
} from "./form-model.ts";

/**
 * The working copy of a form, as pure steps: an edit gives the candidate data, its issues and what to commit; a
 * stored change elsewhere gives the merged copy. `useDraft` holds the state; these hold the rules.
 */

type Data = Record<string, unknown>;

/** What validates a candidate: a zod schema, or anything with the same `safeParse`. */
export interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

export interface DraftState<T> {
  draft: T;
  issues: IssueMap;
}

export function validateDraft(schema: SafeParser, value: unknown): IssueMap {
  const result = schema.safeParse(value);
  return result.success ? NO_ISSUES : groupIssues(result.error.issues);
}

/**
 * One edit: the candidate (the draft with `value` at `path`), its issues, and — only when it is valid — the
 * top-level fields that differ from `stored`, to be saved. An invalid candidate saves nothing.
 */
export function editDraft<T extends Data>(
  draft: T,
  stored: T,
  path: string,
  value: unknown,
  schema: SafeParser,
): DraftState<T> & { changed: string[] } {
  const candidate = setIn(draft, path, value);
  const issues = validateDraft(schema, candidate);
  return { draft: candidate, issues, changed: issues === NO_ISSUES ? changedFields(stored, candidate) : [] };
}

/**
 * The draft after the stored data went from `base` to `stored` (undo, a teammate, or the store's normal form of
 * our own edit); null when it stays as it is. See `mergeWorking` for which side wins.
 */
export function resyncDraft<T extends Data>(
  current: DraftState<T>,
  base: T,
  stored: T,
  focused: string | null,
  schema: SafeParser,
): DraftState<T> | null {
  const merged = shareStructure(current.draft, mergeWorking(base, current.draft, stored, focused) as T);
  if (merged === current.draft) return null;
  return { draft: merged, issues: jsonEqual(merged, stored) ? NO_ISSUES : validateDraft(schema, merged) };
}

/**
 * On leaving a field: a valid draft was committed, so what still differs from `stored` is the store's normal form
 * (schema defaults, e.g. a cleared number back to its default) and is taken. Null when nothing changes.
 */
export function settleDraft<T extends Data>(current: DraftState<T>, stored: T): DraftState<T> | null {
  if (current.issues !== NO_ISSUES || jsonEqual(current.draft, stored)) return null;
  return { draft: shareStructure(current.draft, stored), issues: NO_ISSUES };
}
