import type { FormField } from "@pixel/flow";

/**
 * Pure helpers of the inspector's forms. A path is a dotted string into the edited data ("fields.0.name"): data
 * keys are identifiers, so a dot always means nesting, and the same string is a zod issue's path joined by ".".
 */

type Data = Record<string, unknown>;
/** Field errors by path: zod messages. */
export type IssueMap = ReadonlyMap<string, readonly string[]>;
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

export const NO_ISSUES: IssueMap = new Map();
export const NO_MESSAGES: readonly string[] = [];

export const joinPath = (parent: string, key: string | number) => (parent ? `${parent}.${key}` : String(key));
const segments = (path: string) => (path ? path.split(".") : []);

/** The top-level data key a path starts with ("fields.0.name" → "fields"). */
export const topField = (path: string) => segments(path)[0] ?? "";

const isRecord = (value: unknown): value is Data =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function getIn(value: unknown, path: string): unknown {
  let current = value;
  for (const key of segments(path)) {
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isRecord(current)) current = Object.hasOwn(current, key) ? current[key] : undefined;
    else return undefined;
  }
  return current;
}

/** A copy with the value at `path` replaced; `undefined` removes an object key. Missing objects are created. */
export function setIn<T>(value: T, path: string, next: unknown): T {
  const [key, ...rest] = segments(path);
  if (key === undefined) return next as T;
  const inner = rest.join(".");
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(key)] = rest.length ? setIn(copy[Number(key)], inner, next) : next;
    return copy as T;
  }
  const record: Data = isRecord(value) ? { ...value } : {};
  const child = rest.length ? setIn(record[key], inner, next) : next;
  if (child === undefined) delete record[key];
  else record[key] = child;
  return record as T;
}

/** Deep equality of JSON-like values; absent keys and `undefined` values are the same. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!jsonEqual(a[key], b[key])) return false;
  return true;
}

/**
 * `next`, reusing the parts of `prev` that are deep-equal: unchanged fields keep their identity, so memoised
 * field components skip re-rendering. Returns `prev` itself when nothing changed.
 */
export function shareStructure<T>(prev: unknown, next: T): T {
  if (jsonEqual(prev, next)) return prev as T;
  if (Array.isArray(prev) && Array.isArray(next)) {
    return next.map((item, i) => shareStructure(prev[i], item)) as T;
  }
  if (isRecord(prev) && isRecord(next)) {
    const out: Data = {};
    for (const [key, value] of Object.entries(next)) out[key] = shareStructure(prev[key], value);
    return out as T;
  }
  return next;
}

/** Top-level keys whose values differ (added, removed or changed). */
export function changedFields(before: Data, after: Data): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !jsonEqual(before[key], after[key]));
}

/**
 * The working copy after the stored data changed elsewhere (undo, a teammate): per top-level field, the stored
 * value when it changed since `base` (what the copy was last in step with), else the local one. The focused
 * field always keeps the local value, so typing is never overwritten.
 */
export function mergeWorking(base: Data, local: Data, remote: Data, focused: string | null): Data {
  const merged: Data = {};
  const keys = new Set([...Object.keys(local), ...Object.keys(remote)]);
  for (const key of keys) {
    const keepLocal = key === focused || jsonEqual(remote[key], base[key]);
    const value = keepLocal ? local[key] : remote[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** A zod message made readable where zod's is technical. */
export function friendlyMessage(message: string): string {
  if (/received undefined$/.test(message)) return "Required";
  return message;
}

/** Issue messages by path; duplicates dropped. */
export function groupIssues(issues: readonly SchemaIssue[]): IssueMap {
  if (!issues.length) return NO_ISSUES;
  const map = new Map<string, string[]>();
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    const message = friendlyMessage(issue.message);
    const list = map.get(key) ?? [];
    if (!list.includes(message)) list.push(message);
    map.set(key, list);
  }
  return map;
}

export const messagesAt = (issues: IssueMap, path: string): readonly string[] => issues.get(path) ?? NO_MESSAGES;

/** Messages of a list's items as a whole ("fields.1": …), prefixed with the item's name and number. */
export function itemMessages(issues: IssueMap, path: string, itemLabel: string): string[] {
  if (issues.size === 0) return [];
  const out: string[] = [];
  const pattern = new RegExp(`^${path.replace(/\./g, "\\.")}\\.(\\d+)$`);
  for (const [key, messages] of issues) {
    const match = pattern.exec(key);
    if (match) for (const message of messages) out.push(`${itemLabel} ${Number(match[1]) + 1}: ${message}`);
  }
  return out;
}

/** Whether an input holds nothing: blank text, no number, an empty list. */
export function isEmptyInput(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** What an input stores: an empty optional field removes its key (undefined). */
export function storedValue(field: Pick<FormField, "optional">, value: unknown): unknown {
  return field.optional && isEmptyInput(value) ? undefined : value;
}

/** Whether a field shows, given the data at its level (the node's data, or its list item). */
export function isVisible(field: FormField, siblings: unknown): boolean {
  if (!field.visibleWhen) return true;
  const value = getIn(siblings, field.visibleWhen.key);
  return typeof value === "string" && field.visibleWhen.oneOf.includes(value);
}

/**
 * Issues that no visible field shows (hidden keys such as item ids, whole-object rules): listed on their own so
 * that the builder still learns why the node is not saved.
 */
export function unclaimedIssues(
  issues: IssueMap,
  fields: readonly FormField[],
  data: unknown,
): { path: string; message: string }[] {
  if (issues.size === 0) return [];
  const claimed = new Set<string>();
  const prefixes: string[] = [];
  const claim = (level: readonly FormField[], siblings: unknown, parent: string) => {
    for (const field of level) {
      if (!isVisible(field, siblings)) continue;
      const path = joinPath(parent, field.key);
      claimed.add(path);
      if (field.kind === "stringList") prefixes.push(`${path}.`);
      if (field.kind === "list") {
        const list = getIn(siblings, field.key);
        (Array.isArray(list) ? list : []).forEach((item, i) => {
          claimed.add(joinPath(path, i));
          claim(field.fields, item, joinPath(path, i));
        });
      }
    }
  };
  claim(fields, data, "");
  const out: { path: string; message: string }[] = [];
  for (const [path, messages] of issues) {
    if (claimed.has(path) || prefixes.some((prefix) => path.startsWith(prefix))) continue;
    for (const message of messages) out.push({ path, message });
  }
  return out;
}

/** Text with `insertion` put in place of the selection [start, end); the caret goes after the insertion. */
export function insertAt(text: string, start: number, end: number, insertion: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insertion + text.slice(to), caret: from + insertion.length };
}

/** Moves the item at `index` by `delta` places (a plain copy when it cannot move). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1) as [T];
  copy.splice(target, 0, item);
  return copy;
}
