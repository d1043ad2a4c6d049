import { type JsonValue, ownValue } from "./json.ts";

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*(?:\.[\w]+)*)\s*\}\}/g;

type Part = string | { path: string[] };
const compiled = new Map<string, Part[]>();

function compile(template: string): Part[] {
  let parts = compiled.get(template);
  if (parts) return parts;
  parts = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(template.slice(last, match.index));
    parts.push({ path: (match[1] as string).split(".") });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  if (compiled.size > 5_000) compiled.clear();
  compiled.set(template, parts);
  return parts;
}

function lookup(vars: Record<string, JsonValue>, path: string[]): JsonValue | undefined {
  let value: JsonValue | undefined = vars;
  for (const key of path) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = ownValue(value as Record<string, JsonValue>, key);
  }
  return value;
}

function display(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((v) => display(v)).join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Replaces `{{name}}` and `{{name.field}}` with variable values; unknown names become empty. */
export function renderTemplate(template: string, vars: Record<string, JsonValue>): string {
  if (!template.includes("{{")) return template;
  let out = "";
  for (const part of compile(template)) out += typeof part === "string" ? part : display(lookup(vars, part.path));
  return out;
}

/** The variable names a template reads (first path segment), for validation. */
export function templateVariables(template: string): string[] {
  const names = new Set<string>();
  for (const part of compile(template)) if (typeof part !== "string") names.add(part.path[0] as string);
  return [...names];
}
