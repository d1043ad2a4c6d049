/**
 * Editor form descriptions: what the flow designer's properties panel shows for a node type. Framework-free and
 * serialisable (plain data), except `newItem` and `summary`.
 *
 * Keys are top-level keys of the node's `data`, or dotted paths into nested objects (e.g. "retry.attempts"); the
 * fields of a `list` are relative to one item of that list.
 */

/** Shared by every field kind. */
interface FieldBase {
  key: string;
  label: string;
  help?: string;
  /**
   * The key may be absent. An empty input (blank text, cleared number, empty list) removes the key instead of
   * storing "", 0 or [] — which the schema may reject (URLs, variable names) or read differently.
   */
  optional?: boolean;
  /**
   * Show the field only while the sibling field `key` (same level: the node's data, or the same list item) holds
   * one of these values. Two fields may share a key when their conditions exclude each other.
   */
  visibleWhen?: { key: string; oneOf: string[] };
}

export type FormField =
  | (FieldBase & {
      kind: "text";
      placeholder?: string;
      multiline?: boolean;
      /** Supports {{variable}} placeholders: show a variable picker. */
      template?: boolean;
      /** Monospace input (JSON, expressions). */
      code?: boolean;
    })
  | (FieldBase & { kind: "number"; min?: number; max?: number; step?: number; unit?: string })
  | (FieldBase & { kind: "boolean" })
  | (FieldBase & { kind: "select"; options: { value: string; label: string }[] })
  /** Pick a flow variable name; `allowNew` when the node writes it (a new name may be typed). */
  | (FieldBase & { kind: "variable"; allowNew?: boolean })
  /**
   * AI model id as "provider:model", e.g. "openai:gpt-4o-mini" (the AI layer also resolves hints such as "fast").
   * `emptyLabel`: the value "" is allowed and means this (e.g. "Active expert's model").
   */
  | (FieldBase & { kind: "model"; emptyLabel?: string })
  /** Pick another node's id (jump target). */
  | (FieldBase & { kind: "node" })
  | (FieldBase & { kind: "stringList"; addLabel: string; placeholder?: string; minItems?: number; maxItems?: number })
  | (FieldBase & {
      kind: "list";
      addLabel: string;
      /** Names one item, e.g. "Option". */
      itemLabel: string;
      /** Keys relative to the item. Item keys listed in HIDDEN_KEYS (ids) are not shown: keep them as they are. */
      fields: FormField[];
      /** A new valid item; gets the current items so names and ids stay unique. Id-bearing items get a fresh id. */
      newItem: (existing?: readonly unknown[]) => Record<string, unknown>;
      minItems?: number;
      maxItems?: number;
    });

export type FormFieldKind = FormField["kind"];

export type NodeColor = "slate" | "sky" | "violet" | "emerald" | "amber" | "rose" | "indigo" | "teal" | "orange";

export interface NodeForm<Data = unknown> {
  /** lucide icon name in kebab-case, e.g. "message-square". */
  icon: string;
  /** Accent for the canvas card. */
  color: NodeColor;
  fields: FormField[];
  /** Up to 3 short lines shown on the canvas card (content at a glance); never throws on partial data. */
  summary(data: Partial<Data>): string[];
}

export function defineNodeForm<Data>(form: NodeForm<Data>): NodeForm<Data> {
  return form;
}

// Helpers for form definitions: summaries read data defensively, as it may be partial while being edited.

/** The value as text: "" for anything but strings and numbers. */
export function str(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** The objects of an array value; [] for anything else. */
export function items(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v))
    : [];
}

/** The strings of an array value; [] for anything else. */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** One line: whitespace collapsed, cut at `max` characters with an ellipsis. */
export function truncate(value: unknown, max = 80): string {
  const line = str(value).replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** "a · b · c", cut to one line. */
export function joined(values: readonly string[], separator = " · ", max = 80): string {
  return truncate(values.filter(Boolean).join(separator), max);
}

/** "1 option" / "3 options". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** At most `max` lines: the first ones, the last replaced by "+N more" when some are left out. */
export function capLines(lines: readonly string[], max = 3): string[] {
  const kept = lines.filter(Boolean);
  return kept.length <= max ? kept : [...kept.slice(0, max - 1), `+${kept.length - max + 1} more`];
}

/** `prefix` + random base36, not used by any of `existing`'s `idKey` values. */
export function freshId(prefix: string, existing: readonly unknown[] = [], idKey = "id"): string {
  const taken = new Set(items(existing).map((item) => item[idKey]));
  for (;;) {
    const id = `${prefix}${Math.random().toString(36).slice(2, 10)}`;
    if (id.length > prefix.length && !taken.has(id)) return id;
  }
}

/** `base`, or `base_2`, `base_3`… : the first not used as `nameKey` by one of `existing`. */
export function uniqueName(base: string, existing: readonly unknown[] = [], nameKey = "name"): string {
  const taken = new Set(items(existing).map((item) => item[nameKey]));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** The options of a select from value → label pairs. */
export function options(labels: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
