import type { z } from "zod";
import { NODE_DEFINITIONS, nodeDefinition } from "../nodes/registry.ts";
import type { FlowIssue } from "../validation/issue.ts";
import { readJsonText, toPlainJson } from "./json-input.ts";
import { migrateToCurrent } from "./migrations.ts";
import { FLOW_DOCUMENT_VERSION, type FlowDocument, flowDocumentSchema } from "./schema.ts";

export type ParseFlowResult =
  | {
      ok: true;
      flow: FlowDocument;
      /** The version the document was migrated from, or null when it was current. */
      migratedFrom: number | null;
      /**
       * What to look at: migration warnings, and references to nodes that are not in the document
       * (errors: the flow fails there until they are fixed, but the document can be loaded and edited).
       */
      issues: FlowIssue[];
    }
  | { ok: false; issues: FlowIssue[] };

/** Most issues one failed parse returns; a garbage document could otherwise produce thousands. */
export const MAX_PARSE_ISSUES = 50;

const KNOWN_TYPES = NODE_DEFINITIONS.map((definition) => definition.type);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value === undefined) return "nothing (undefined)";
  if (typeof value === "boolean") return `${value}`;
  return `a ${typeof value}`;
}

function failed(issues: FlowIssue[]): ParseFlowResult {
  if (issues.length <= MAX_PARSE_ISSUES) return { ok: false, issues };
  const rest = issues.length - MAX_PARSE_ISSUES;
  return {
    ok: false,
    issues: [
      ...issues.slice(0, MAX_PARSE_ISSUES),
      { severity: "error", code: "too-many-issues", message: `…and ${rest} more problem${rest === 1 ? "" : "s"}.` },
    ],
  };
}

/** The id of the item at `list.index` of the raw document, when it has a usable one. */
function itemId(doc: unknown, list: string, index: PropertyKey | undefined): string | undefined {
  if (!isRecord(doc) || typeof index !== "number") return undefined;
  const items = doc[list];
  if (!Array.isArray(items)) return undefined;
  const item: unknown = items[index];
  return isRecord(item) && typeof item.id === "string" && item.id !== "" ? item.id.slice(0, 64) : undefined;
}

function zodIssueToFlowIssue(issue: z.core.$ZodIssue, doc: unknown): FlowIssue {
  const path = issue.path.map((key) => (typeof key === "symbol" ? key.toString() : String(key))).join(".");
  const [list, index] = issue.path;
  const nodeId = list === "nodes" ? itemId(doc, "nodes", index) : undefined;
  const edgeId = list === "edges" ? itemId(doc, "edges", index) : undefined;
  const last = issue.path[issue.path.length - 1];

  let text = issue.message;
  if (issue.code === "invalid_union" && list === "nodes" && issue.path.length === 3 && last === "type") {
    const nodes = isRecord(doc) && Array.isArray(doc.nodes) ? doc.nodes : [];
    const node: unknown = typeof index === "number" ? nodes[index] : undefined;
    const type = isRecord(node) ? node.type : undefined;
    text =
      type === undefined
        ? `The node has no "type"; known types: ${KNOWN_TYPES.join(", ")}.`
        : `Unknown node type ${JSON.stringify(type)}; known types: ${KNOWN_TYPES.join(", ")}.`;
  } else if (issue.code === "invalid_union" && last === "kind") {
    text = 'The trigger\'s "kind" must be "keyword" or "intent".';
  } else if (issue.code === "invalid_type" && / received undefined$/.test(issue.message)) {
    text = `Required (${issue.expected}) but missing.`;
  }
  const where = path || "document";
  const owner = nodeId ? ` (node "${nodeId}")` : edgeId ? ` (edge "${edgeId}")` : "";
  return {
    severity: "error",
    code: "invalid-document",
    message: `${where}${owner}: ${text}`,
    ...(path ? { path } : {}),
    ...(nodeId ? { nodeId } : {}),
    ...(edgeId ? { edgeId } : {}),
  };
}

/** Ids must be unique among nodes, among edges and among global actions; otherwise links are ambiguous. */
function duplicateIds(flow: FlowDocument): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const check = (list: "nodes" | "edges" | "globalActions", ids: string[], noun: string) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) {
        issues.push({
          severity: "error",
          code: "duplicate-id",
          message: `${list}.${index}.id: another ${noun} already has the id "${id}"; ids must be unique.`,
          path: `${list}.${index}.id`,
          ...(list === "nodes" ? { nodeId: id } : list === "edges" ? { edgeId: id } : {}),
        });
      }
      seen.add(id);
    });
  };
  check(
    "nodes",
    flow.nodes.map((n) => n.id),
    "node",
  );
  check(
    "edges",
    flow.edges.map((e) => e.id),
    "edge",
  );
  check(
    "globalActions",
    flow.globalActions.map((a) => a.id),
    "global action",
  );
  return issues;
}

/** Edges, global actions and jumps that name nodes the document does not have. */
function missingReferences(flow: FlowDocument): FlowIssue[] {
  const ids = new Set(flow.nodes.map((n) => n.id));
  const issues: FlowIssue[] = [];
  flow.edges.forEach((edge, index) => {
    if (!ids.has(edge.source)) {
      issues.push({
        severity: "error",
        code: "missing-source",
        message: `Edge "${edge.id}" leaves "${edge.source}", which is not a node of this flow.`,
        edgeId: edge.id,
        path: `edges.${index}.source`,
      });
    }
    if (!ids.has(edge.target)) {
      const from = edge.sourceHandle === "next" ? "" : ` (output "${edge.sourceHandle}")`;
      issues.push({
        severity: "error",
        code: "missing-target",
        message: `Edge "${edge.id}" from "${edge.source}"${from} leads to "${edge.target}", which is not a node of this flow.`,
        edgeId: edge.id,
        ...(ids.has(edge.source) ? { nodeId: edge.source } : {}),
        path: `edges.${index}.target`,
      });
    }
  });
  flow.globalActions.forEach((action, index) => {
    if (!ids.has(action.target)) {
      issues.push({
        severity: "error",
        code: "missing-target",
        message: `Global action "${action.label ?? action.id}" jumps to "${action.target}", which is not a node of this flow.`,
        path: `globalActions.${index}.target`,
      });
    }
  });
  flow.nodes.forEach((node, index) => {
    const definition = nodeDefinition(node.type);
    if (!definition) return;
    for (const target of definition.references(node.data).targets) {
      if (!ids.has(target)) {
        issues.push({
          severity: "error",
          code: "missing-target",
          message: `Node "${node.id}" jumps to "${target}", which is not a node of this flow.`,
          nodeId: node.id,
          path: `nodes.${index}.data`,
        });
      }
    }
  });
  return issues;
}

function parse(input: unknown): ParseFlowResult {
  const read = typeof input === "string" ? readJsonText(input) : toPlainJson(input);
  if (!read.ok) return failed([read.issue]);
  const raw = read.value;
  if (!isRecord(raw)) {
    return failed([
      {
        severity: "error",
        code: "not-an-object",
        message: `A flow document must be a JSON object with "version", "nodes" and "edges"; this is ${kindOf(raw)}.`,
      },
    ]);
  }
  const migrated = migrateToCurrent(raw);
  if ("error" in migrated) return failed([migrated.error]);
  const parsed = flowDocumentSchema.safeParse(migrated.doc);
  if (!parsed.success)
    return failed([...parsed.error.issues.map((i) => zodIssueToFlowIssue(i, migrated.doc)), ...migrated.issues]);
  const flow = parsed.data;
  const duplicates = duplicateIds(flow);
  if (duplicates.length) return failed([...duplicates, ...migrated.issues]);
  return {
    ok: true,
    flow,
    migratedFrom: migrated.from === FLOW_DOCUMENT_VERSION ? null : migrated.from,
    issues: [...migrated.issues, ...missingReferences(flow)],
  };
}

function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return error.message;
    return typeof error === "string" ? error : "unknown error";
  } catch {
    return "unknown error";
  }
}

/**
 * Reads a flow document from JSON text or an already parsed value: size and depth limits, migration of
 * older versions, schema validation with issues naming the path (and node), unique ids, and references
 * to missing nodes. Never throws.
 */
export function parseFlowDocument(input: unknown): ParseFlowResult {
  try {
    return parse(input);
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          severity: "error",
          code: "unreadable-document",
          message: `The document could not be read: ${describeError(error)}`,
        },
      ],
    };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Export: keys in schema order, so exports of the same flow are byte-identical and diff well.

type AnySchema = z.core.$ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  getter?: () => AnySchema;
  in?: AnySchema;
  valueType?: AnySchema;
  values?: unknown[];
}

function def(schema: AnySchema): Def {
  return schema._zod.def as unknown as Def;
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (let guard = 0; current && guard < 20; guard++) {
    const d = def(current);
    if (d.innerType) current = d.innerType;
    else if (d.type === "lazy" && d.getter) current = d.getter();
    else if (d.type === "pipe" && d.in) current = d.in;
    else return current;
  }
  return current;
}

/** The object shape a value follows in a schema, choosing the option of a discriminated union. */
function shapeFor(schema: AnySchema | undefined, value: Record<string, unknown>): Record<string, AnySchema> | null {
  const s = unwrap(schema);
  if (!s) return null;
  const d = def(s);
  if (d.type === "object") return d.shape ?? null;
  if (d.type === "union" && d.options && d.discriminator) {
    const key = d.discriminator;
    for (const option of d.options) {
      const shape = def(unwrap(option) ?? option).shape;
      const literal = shape?.[key];
      if (shape && literal && def(unwrap(literal) ?? literal).values?.includes(value[key])) return shape;
    }
  }
  return null;
}

function childSchema(schema: AnySchema | undefined): AnySchema | undefined {
  const s = unwrap(schema);
  if (!s) return undefined;
  const d = def(s);
  return d.type === "array" ? d.element : d.type === "record" ? d.valueType : undefined;
}

function ordered(schema: AnySchema | undefined, value: unknown): unknown {
  if (Array.isArray(value)) {
    const element = childSchema(schema);
    return value.map((item) => ordered(element, item));
  }
  if (!isRecord(value)) return value;
  const shape = shapeFor(schema, value);
  const values = shape ? undefined : childSchema(schema);
  const keys = shape ? Object.keys(shape).filter((key) => Object.hasOwn(value, key)) : [];
  for (const key of Object.keys(value)) if (!shape || !Object.hasOwn(shape, key)) keys.push(key);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const item = ordered(shape ? shape[key] : values, value[key]);
    Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Pretty JSON (2 spaces, keys in schema order, trailing newline) that parseFlowDocument reads back as an equal document. */
export function exportFlowDocument(flow: FlowDocument): string {
  return `${JSON.stringify(ordered(flowDocumentSchema, flow), null, 2)}\n`;
}
