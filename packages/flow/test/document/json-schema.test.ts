import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportFlowDocument, parseFlowDocument } from "../../src/document/import-export.ts";
import { flowJsonSchema } from "../../src/document/json-schema.ts";
import { NODE_DEFINITIONS } from "../../src/nodes/registry.ts";
import { flowArbitrary } from "./arbitraries.ts";

/*
 * No JSON Schema validator is a dependency of this package (ajv is only in the store as a dependency of
 * another package's dependency), so the documents are checked with the small validator below. It implements
 * the keywords zod generates and throws on any other, so it cannot pass by ignoring part of the schema.
 */
type Schema = Record<string, unknown>;
const ANNOTATIONS = new Set(["$schema", "title", "description", "default", "format", "$defs"]);
const KEYWORDS = new Set([
  "$ref",
  "type",
  "const",
  "enum",
  "properties",
  "required",
  "additionalProperties",
  "propertyNames",
  "items",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "pattern",
  "anyOf",
  "oneOf",
  "allOf",
]);

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function validate(root: Schema, schema: Schema, value: unknown, path = ""): string[] {
  const errors: string[] = [];
  const fail = (message: string) => errors.push(`${path || "(root)"}: ${message}`);
  for (const key of Object.keys(schema))
    if (!KEYWORDS.has(key) && !ANNOTATIONS.has(key)) throw new Error(`validator does not know "${key}"`);
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/$defs/", "");
    const target = (root.$defs as Record<string, Schema>)[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    errors.push(...validate(root, target, value, path));
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = jsonType(value);
    const matches = types.some(
      (t) => t === actual || (t === "integer" && Number.isInteger(value)) || (t === "number" && actual === "number"),
    );
    if (!matches) return [...errors, `${path || "(root)"}: expected ${types.join("|")}, got ${actual}`];
  }
  if ("const" in schema && value !== schema.const) fail(`expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail(`not one of ${schema.enum.join(", ")}`);
  if (typeof value === "string") {
    const length = [...value].length;
    if (typeof schema.minLength === "number" && length < schema.minLength) fail("too short");
    if (typeof schema.maxLength === "number" && length > schema.maxLength) fail("too long");
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) fail("pattern");
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) fail("below minimum");
    if (typeof schema.maximum === "number" && value > schema.maximum) fail("above maximum");
    if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum) fail("below minimum");
    if (typeof schema.exclusiveMaximum === "number" && value >= schema.exclusiveMaximum) fail("above maximum");
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) fail("too few items");
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) fail("too many items");
    if (schema.items)
      for (const [i, item] of value.entries())
        errors.push(...validate(root, schema.items as Schema, item, `${path}.${i}`));
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) fail(`missing "${key}"`);
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) errors.push(...validate(root, properties[key], item, `${path}.${key}`));
      else if (schema.additionalProperties === false) fail(`unexpected "${key}"`);
      else if (typeof schema.additionalProperties === "object")
        errors.push(...validate(root, schema.additionalProperties as Schema, item, `${path}.${key}`));
      if (schema.propertyNames) errors.push(...validate(root, schema.propertyNames as Schema, key, `${path}.${key}`));
    }
  }
  const passing = (list: unknown) =>
    (list as Schema[]).filter((s) => validate(root, s, value, path).length === 0).length;
  if (schema.anyOf && passing(schema.anyOf) === 0) fail("matches none of anyOf");
  if (schema.oneOf && passing(schema.oneOf) !== 1) fail(`matches ${passing(schema.oneOf)} of oneOf, not exactly 1`);
  if (schema.allOf) for (const s of schema.allOf as Schema[]) errors.push(...validate(root, s, value, path));
  return errors;
}

const seedText = readFileSync(new URL("../fixtures/seed-004-pm-assessment.v0.json", import.meta.url), "utf8");
const schema = flowJsonSchema();

function exported(input: unknown): unknown {
  const result = parseFlowDocument(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return JSON.parse(exportFlowDocument(result.flow));
}

describe("flowJsonSchema", () => {
  it("describes the document's top level", () => {
    expect(schema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: expect.any(String),
      type: "object",
      required: ["version", "nodes", "edges"],
    });
    const properties = schema.properties as Record<string, Schema>;
    expect(Object.keys(properties)).toEqual(["version", "nodes", "edges", "variables", "globalActions", "settings"]);
    expect(properties.version).toMatchObject({ const: 1 });
  });

  it("has one node variant per node type, all 13", () => {
    const nodes = (schema.properties as Record<string, Schema>).nodes as { items: { oneOf: Schema[] } };
    const types = nodes.items.oneOf.map((variant) => (variant.properties as Record<string, Schema>).type?.const);
    expect(types).toEqual(NODE_DEFINITIONS.map((d) => d.type));
    expect(types).toHaveLength(13);
    expect(types).toEqual(
      expect.arrayContaining([
        "start",
        "message",
        "quick-reply",
        "collect-data",
        "ai-analysis",
        "human-handoff",
        "end",
      ]),
    );
  });

  it("names the recursive JSON value definition", () => {
    expect(Object.keys(schema.$defs as object)).toEqual(["JsonValue"]);
    expect(JSON.stringify(schema)).not.toContain("__schema");
  });

  it("accepts known valid documents, written in full or with defaults left out", () => {
    expect(validate(schema, schema, exported(seedText))).toEqual([]);
    const minimal = {
      version: 1,
      nodes: [
        { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
        { id: "hi", type: "message", position: { x: 0, y: 1 }, data: { text: "Hi" } },
      ],
      edges: [{ id: "e1", source: "start", target: "hi" }],
    };
    expect(parseFlowDocument(minimal).ok).toBe(true);
    expect(validate(schema, schema, minimal)).toEqual([]);
  });

  it("accepts every document the schema accepts (generated)", () => {
    fc.assert(
      fc.property(flowArbitrary, (flow) => {
        expect(validate(schema, schema, JSON.parse(exportFlowDocument(flow)))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("refuses invalid documents", () => {
    const doc = exported(seedText) as { version: number; nodes: Array<Record<string, unknown>>; edges: unknown[] };
    expect(validate(schema, schema, { ...doc, version: 2 })).not.toEqual([]);
    expect(validate(schema, schema, { ...doc, nodes: [{ ...doc.nodes[1], type: "carousel" }] })).not.toEqual([]);
    expect(validate(schema, schema, { ...doc, edges: [{ id: "e1", source: "a" }] })).not.toEqual([]);
    expect(validate(schema, schema, { ...doc, nodes: [{ ...doc.nodes[1], id: "has space" }] })).not.toEqual([]);
  });

  it("is printed by the json-schema script", () => {
    const script = fileURLToPath(new URL("../../src/document/print-json-schema.ts", import.meta.url));
    const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
    const printed = execFileSync(tsx, [script], { encoding: "utf8", timeout: 60_000 });
    expect(JSON.parse(printed)).toEqual(schema);
  });
});
