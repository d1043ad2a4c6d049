import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { NodeDefinition } from "../engine/node-definition.ts";
import { NODE_DEFINITIONS, type NodeType } from "../nodes/registry.ts";
import { HIDDEN_KEYS, NODE_FORMS, nodeForm } from "./registry.ts";
import type { FormField, NodeForm } from "./types.ts";

type Schema = z.ZodType;
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  entries?: Record<string, string>;
}
const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

/** The schema under optional/default/pipe wrappers. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

/** Whether the key may be absent with no default filling it in. */
const isOptional = (schema: Schema) => defOf(schema).type === "optional";

function shapeOf(schema: Schema): Record<string, Schema> {
  const def = defOf(unwrap(schema));
  if (def.type !== "object" || !def.shape) throw new Error(`not an object schema: ${def.type}`);
  return def.shape;
}

/** The schema at a dotted key, or undefined. */
function schemaAt(shape: Record<string, Schema>, key: string): Schema | undefined {
  const [first, ...rest] = key.split(".");
  const here = first !== undefined && Object.hasOwn(shape, first) ? shape[first] : undefined;
  if (!here || rest.length === 0) return here;
  return defOf(unwrap(here)).type === "object" ? schemaAt(shapeOf(here), rest.join(".")) : undefined;
}

function itemShape(list: Schema): Record<string, Schema> {
  const def = defOf(unwrap(list));
  if (def.type !== "array" || !def.element) throw new Error("not an array schema");
  return shapeOf(def.element);
}

const BASE_KINDS: Record<FormField["kind"], string> = {
  text: "string",
  number: "number",
  boolean: "boolean",
  select: "enum",
  variable: "string",
  model: "string",
  node: "string",
  stringList: "array",
  list: "array",
};

/** Every field of a form, with its owner level's shape and the dotted prefix of that level. */
function walk(
  fields: FormField[],
  shape: Record<string, Schema>,
  prefix = "",
): { field: FormField; shape: Record<string, Schema>; path: string }[] {
  return fields.flatMap((field) => [
    { field, shape, path: prefix + field.key },
    ...(field.kind === "list"
      ? walk(field.fields, itemShape(schemaAt(shape, field.key) as Schema), `${prefix}${field.key}.`)
      : []),
  ]);
}

/** The form of a type; NodeType is string-wide, so an index is possibly undefined to the compiler. */
// biome-ignore lint/suspicious/noExplicitAny: forms of every type.
function formOf(type: string): NodeForm<any> {
  const form = nodeForm(type);
  if (!form) throw new Error(`no form for ${type}`);
  return form;
}

const definitions = NODE_DEFINITIONS.map((d) => ({
  type: d.type as NodeType,
  definition: d as unknown as NodeDefinition<unknown>,
}));

describe("node forms", () => {
  it("every registered node type has a form, and no form is left over", () => {
    expect(Object.keys(NODE_FORMS).sort()).toEqual(NODE_DEFINITIONS.map((d) => d.type).sort());
    for (const d of NODE_DEFINITIONS) expect(nodeForm(d.type)).toBe(NODE_FORMS[d.type]);
    expect(nodeForm("nope")).toBeUndefined();
    expect(nodeForm("toString")).toBeUndefined();
  });

  it.each(definitions)("$type: icon and color are well formed", ({ type }) => {
    const form = formOf(type);
    expect(form.icon).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(["slate", "sky", "violet", "emerald", "amber", "rose", "indigo", "teal", "orange"]).toContain(form.color);
  });

  it.each(definitions)("$type: every schema key is a field or hidden, at every level", ({ type, definition }) => {
    const hidden = new Set(HIDDEN_KEYS[type] ?? []);
    const check = (fields: FormField[], shape: Record<string, Schema>, prefix: string) => {
      const covered = new Set(fields.map((f) => f.key.split(".")[0]));
      for (const key of Object.keys(shape)) {
        expect(covered.has(key) || hidden.has(prefix + key), `${type}: ${prefix}${key} has no field`).toBe(true);
        expect(!(covered.has(key) && hidden.has(prefix + key)), `${type}: ${prefix}${key} is hidden and shown`).toBe(
          true,
        );
      }
      for (const f of fields)
        if (f.kind === "list") check(f.fields, itemShape(schemaAt(shape, f.key) as Schema), `${prefix}${f.key}.`);
    };
    check(formOf(type).fields, shapeOf(definition.schema as Schema), "");
    for (const key of hidden) {
      // A hidden key names a schema key, through list items.
      let shape: Record<string, Schema> | undefined = shapeOf(definition.schema as Schema);
      const segments = key.split(".");
      segments.forEach((segment, i) => {
        const here: Schema | undefined = shape && Object.hasOwn(shape, segment) ? shape[segment] : undefined;
        expect(here, `${type}: hidden key ${key} is not in the schema`).toBeDefined();
        if (here && i < segments.length - 1)
          shape = defOf(unwrap(here)).type === "array" ? itemShape(here) : shapeOf(here);
      });
    }
  });

  it.each(definitions)("$type: every field key exists in the schema with a matching kind", ({ type, definition }) => {
    for (const { field, shape, path } of walk(formOf(type).fields, shapeOf(definition.schema as Schema))) {
      const schema = schemaAt(shape, field.key);
      expect(schema, `${type}: ${path} is not in the schema`).toBeDefined();
      if (!schema) continue;
      const inner = unwrap(schema);
      expect(defOf(inner).type, `${type}: ${path} kind ${field.kind}`).toBe(BASE_KINDS[field.kind]);
      expect(Boolean(field.optional), `${type}: ${path} optional`).toBe(isOptional(schema));
      if (field.kind === "stringList") expect(defOf(unwrap(defOf(inner).element as Schema)).type).toBe("string");
      if (field.kind === "list") expect(defOf(unwrap(defOf(inner).element as Schema)).type).toBe("object");
      if (field.kind === "select")
        expect(field.options.map((o) => o.value).sort(), `${type}: ${path} options`).toEqual(
          Object.values(defOf(inner).entries ?? {}).sort(),
        );
      if (field.kind === "number") {
        const { minValue, maxValue } = inner as unknown as { minValue: number | null; maxValue: number | null };
        const bound = (v: number | null) => (v === null || Math.abs(v) >= Number.MAX_SAFE_INTEGER ? undefined : v);
        expect(field.min, `${type}: ${path} min`).toBe(bound(minValue));
        expect(field.max, `${type}: ${path} max`).toBe(bound(maxValue));
      }
    }
  });

  it.each(definitions)("$type: visibleWhen refers to a sibling select and its values", ({ type, definition }) => {
    for (const { field, path } of walk(formOf(type).fields, shapeOf(definition.schema as Schema))) {
      if (!field.visibleWhen) continue;
      const prefix = path.slice(0, path.length - field.key.length);
      const siblings = walk(formOf(type).fields, shapeOf(definition.schema as Schema)).filter(
        (x) => x.path === prefix + (field.visibleWhen?.key ?? ""),
      );
      expect(siblings, `${type}: ${path} depends on a missing field`).toHaveLength(1);
      const sibling = siblings[0]?.field;
      if (sibling?.kind !== "select") throw new Error(`${type}: ${path} depends on a ${sibling?.kind}`);
      for (const value of field.visibleWhen.oneOf) expect(sibling.options.map((o) => o.value)).toContain(value);
    }
  });

  it.each(definitions)("$type: keys are unique per level unless their visibility excludes each other", ({ type }) => {
    const check = (fields: FormField[]) => {
      const byKey = new Map<string, FormField[]>();
      for (const f of fields) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
      for (const [key, same] of byKey) {
        if (same.length === 1) continue;
        const sets = same.map((f) => f.visibleWhen);
        expect(
          sets.every((s) => s && s.key === sets[0]?.key),
          `${type}: ${key} repeated`,
        ).toBe(true);
        const all = sets.flatMap((s) => s?.oneOf ?? []);
        expect(new Set(all).size, `${type}: ${key} shown twice at once`).toBe(all.length);
      }
      for (const f of fields) if (f.kind === "list") check(f.fields);
    };
    check(formOf(type).fields);
  });

  it.each(definitions)("$type: the fields are plain serialisable data, except newItem", ({ type }) => {
    const strip = (fields: FormField[]): unknown =>
      fields.map((f) => (f.kind === "list" ? { ...f, newItem: undefined, fields: strip(f.fields) } : f));
    const plain = strip(formOf(type).fields);
    expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
    const functions: string[] = [];
    const visit = (value: unknown, path: string) => {
      if (typeof value === "function") functions.push(path);
      else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
    };
    visit(plain, type);
    expect(functions).toEqual([]);
  });

  it.each(definitions)("$type: summary shows at most 3 lines and never throws", ({ type, definition }) => {
    const form = formOf(type);
    const lines = form.summary(definition.defaults() as object);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const line of lines) {
      expect(typeof line).toBe("string");
      expect(line.length).toBeGreaterThan(0);
      expect(line.length).toBeLessThanOrEqual(80);
    }
    expect(form.summary({}).length).toBeLessThanOrEqual(3);
    const garbage: unknown[] = [null, 42, "x", [], [null, 3, "a", { rules: "r", label: 7 }], { a: 1 }, true];
    for (const key of Object.keys(shapeOf(definition.schema as Schema)))
      for (const value of garbage) {
        const out = form.summary({ ...(definition.defaults() as object), [key]: value });
        expect(out.length).toBeLessThanOrEqual(3);
        for (const line of out) expect(typeof line).toBe("string");
      }
  });

  it.each(definitions)("$type: new list items are valid, twice over", ({ type, definition }) => {
    const defaults = definition.defaults() as Record<string, unknown>;
    const hasLists = formOf(type).fields.some((f) => f.kind === "list");
    // Where applicable: a jump's default has no target yet, and no list either.
    if (hasLists) expect(definition.schema.safeParse(defaults).success).toBe(true);
    /** Adds items made by the list's newItem at `path` (list keys, through each parent list's first item). */
    const visit = (fields: FormField[], path: string[]) => {
      for (const field of fields) {
        if (field.kind !== "list") continue;
        const here = [...path, field.key];
        const data = structuredClone(defaults);
        // The list at `here`, creating it (and parents' first items) when the defaults leave it out.
        let owner: Record<string, unknown> = data;
        for (const key of here.slice(0, -1)) {
          const list = (owner[key] as Record<string, unknown>[] | undefined) ?? [];
          owner[key] = list;
          if (!list[0]) throw new Error(`${type}: ${here.join(".")} needs a parent item in the defaults`);
          owner = list[0];
        }
        const key = here.at(-1) as string;
        const existing = [...((owner[key] as unknown[] | undefined) ?? [])];
        const first = field.newItem(existing);
        const second = field.newItem([...existing, first]);
        owner[key] = [...existing, first, second];
        const parsed = definition.schema.safeParse(data);
        expect(parsed.success, `${type}: ${here.join(".")} ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        // Called with no argument, as a designer may, it still makes an item.
        expect(typeof field.newItem()).toBe("object");
        const hidden = HIDDEN_KEYS[type] ?? [];
        if (hidden.includes(`${here.join(".")}.id`)) {
          const ids = [...existing, first, second].map((item) => (item as { id: string }).id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(field.newItem().id).not.toBe(field.newItem().id);
        }
        visit(field.fields, here);
      }
    };
    visit(formOf(type).fields, []);
  });
});

describe("summaries", () => {
  const summary = (type: NodeType, data: object) => formOf(type).summary(data);

  it("show the content at a glance", () => {
    expect(summary("message", { text: "x".repeat(200) })[0]).toHaveLength(80);
    expect(
      summary("quick-reply", {
        prompt: "Ready?",
        options: [
          { id: "a", label: "Yes" },
          { id: "b", label: "No" },
          { id: "c", label: "Maybe" },
        ],
      }),
    ).toEqual(["Ready?", "3 options: Yes · No · Maybe"]);
    expect(summary("webhook", { method: "POST", url: "https://example.com/x" })).toEqual([
      "POST https://example.com/x",
    ]);
    expect(
      summary("condition", {
        branches: [
          {
            id: "hot",
            label: "Hot",
            combinator: "and",
            rules: [{ variable: "score", operator: "greater_than", value: "5" }],
          },
          {
            id: "b",
            label: "Named",
            combinator: "or",
            rules: [
              { variable: "name", operator: "is_set", value: "" },
              { variable: "tier", operator: "equals", value: "gold" },
            ],
          },
        ],
      }),
    ).toEqual(["Hot: if score > 5", 'Named: if name is set or tier = "gold"']);
    expect(
      summary("collect-data", {
        fields: [
          { name: "email", label: "Email?", type: "email" },
          { name: "phone", label: "Phone?", type: "phone" },
        ],
      }),
    ).toEqual(["→ asks email, phone"]);
    expect(
      summary("set-variable", { assignments: [{ variable: "total", mode: "expression", value: "a * b" }] }),
    ).toEqual(["total = a * b"]);
    expect(summary("jump", { targetNodeId: "menu" })).toEqual(["→ menu"]);
  });

  it("cap long lists at 3 lines", () => {
    const assignments = Array.from({ length: 5 }, (_, i) => ({ variable: `v${i}`, mode: "literal", value: "x" }));
    expect(summary("set-variable", { assignments })).toEqual(['v0 = "x"', 'v1 = "x"', "+3 more"]);
  });
});
