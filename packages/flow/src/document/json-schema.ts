import { z } from "zod";
import { FLOW_DOCUMENT_VERSION, flowDocumentSchema } from "./schema.ts";

type JsonSchema = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Renames a $defs entry and every $ref to it. */
function renameDefinition(schema: JsonSchema, from: string, to: string): JsonSchema {
  const oldRef = `#/$defs/${from}`;
  const newRef = `#/$defs/${to}`;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!isRecord(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref" && item === oldRef) out[key] = newRef;
      else if (key === "$defs" && isRecord(item))
        out[key] = Object.fromEntries(Object.entries(item).map(([name, d]) => [name === from ? to : name, walk(d)]));
      else out[key] = walk(item);
    }
    return out;
  };
  return walk(schema) as JsonSchema;
}

/**
 * The flow document format as JSON Schema (draft 2020-12), for editors and other tools. It describes what
 * may be written (io "input": fields with defaults are optional). Recursive JSON values (variable defaults)
 * become a "JsonValue" definition. Rules zod checks in code (unique option ids, min ≤ max…) are not in it,
 * so a document that passes the JSON Schema can still be refused by parseFlowDocument.
 */
export function flowJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(flowDocumentSchema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    cycles: "ref",
    reused: "inline",
  }) as JsonSchema;
  let schema: JsonSchema = generated;
  // zod names recursive definitions __schema0…; the only one in a flow document is the JSON value.
  const defs = isRecord(generated.$defs) ? Object.keys(generated.$defs) : [];
  if (defs.length === 1 && defs[0] && !defs.includes("JsonValue"))
    schema = renameDefinition(generated, defs[0], "JsonValue");
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: "Pixel AI Creator flow document",
    description: `A chatbot flow: nodes, the edges between their outputs, variables, global actions and settings. Format version ${FLOW_DOCUMENT_VERSION}.`,
    ...rest,
  };
}
