import { z } from "zod";

/**
 * Builds a valid sample input from a zod 4 schema by reading its definition (`schema._zod.def`),
 * so generated tests cover procedures nobody wrote a test for yet.
 *
 * - fields that name a resource (`…Id`, `cursor`, `token`) get the value `resources` gives for them;
 * - emails get a fresh address, enums their last option, numbers their minimum, strings "sample"
 *   (stretched or cut to the length limits);
 * - optional / nullable / default / pipe wrappers are unwrapped and filled in.
 */

interface ZodInternals {
  _zod: { def: ZodDef };
}

interface ZodDef {
  type: string;
  [key: string]: unknown;
}

export interface SampleResources {
  /** A value for a resource-naming field; undefined when the field is not one. */
  resourceFor(field: string): string | undefined;
  freshEmail(): string;
}

function isZod(value: unknown): value is ZodInternals {
  return typeof value === "object" && value !== null && "_zod" in value;
}

function defOf(schema: unknown): ZodDef {
  if (!isZod(schema)) throw new Error("not a zod 4 schema");
  return schema._zod.def;
}

/** The schema's checks (min/max, formats) as plain definitions. */
function checksOf(schema: unknown): Record<string, unknown>[] {
  const checks = (defOf(schema).checks ?? []) as unknown[];
  return checks.map((check) => (isZod(check) ? (check._zod.def as Record<string, unknown>) : {}));
}

/** Lower and upper bound from min_length/max_length/length_equals or greater_than/less_than checks. */
function boundsOf(schema: unknown): { min?: number; minExclusive?: boolean; max?: number } {
  const bounds: { min?: number; minExclusive?: boolean; max?: number } = {};
  for (const check of checksOf(schema)) {
    if (check.check === "min_length") bounds.min = check.minimum as number;
    if (check.check === "max_length") bounds.max = check.maximum as number;
    if (check.check === "length_equals") bounds.min = bounds.max = check.length as number;
    if (check.check === "greater_than") {
      bounds.min = check.value as number;
      bounds.minExclusive = check.inclusive === false;
    }
    if (check.check === "less_than") bounds.max = check.value as number;
  }
  return bounds;
}

/** Field names that point at a row of some organization. */
export function isResourceField(field: string): boolean {
  return /Id$/.test(field) || field === "cursor" || field === "token";
}

function shapeOf(def: ZodDef): Record<string, unknown> {
  const shape = def.shape;
  return typeof shape === "function" ? (shape as () => Record<string, unknown>)() : (shape as Record<string, unknown>);
}

/** Every object field name in a schema, at any depth. */
export function fieldNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (!isZod(schema)) return into;
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      for (const [key, value] of Object.entries(shapeOf(def))) {
        into.add(key);
        fieldNames(value, into);
      }
      break;
    case "pipe":
      fieldNames(def.in, into);
      fieldNames(def.out, into);
      break;
    case "array":
      fieldNames(def.element, into);
      break;
    case "union":
      for (const option of def.options as unknown[]) fieldNames(option, into);
      break;
    case "intersection":
      fieldNames(def.left, into);
      fieldNames(def.right, into);
      break;
    default:
      if (def.innerType) fieldNames(def.innerType, into);
  }
  return into;
}

function isEmailSchema(schema: unknown): boolean {
  if (!isZod(schema)) return false;
  const def = defOf(schema);
  if (def.type === "string") return def.format === "email" || checksOf(schema).some((c) => c.format === "email");
  if (def.type === "pipe") return isEmailSchema(def.in) || isEmailSchema(def.out);
  if (def.innerType) return isEmailSchema(def.innerType);
  return false;
}

function sampleString(schema: unknown): string {
  // A pattern-constrained string (e.g. a flow key) names a valid example in its metadata.
  const example = (z.globalRegistry.get(schema as z.ZodType)?.examples as unknown[] | undefined)?.[0];
  if (typeof example === "string") return example;
  const { min = 0, max = Number.POSITIVE_INFINITY } = boundsOf(schema);
  let value = "sample";
  if (value.length < min) value = value.padEnd(min, "x");
  if (value.length > max) value = value.slice(0, Math.max(max, 0));
  return value;
}

function sampleNumber(schema: unknown): number {
  const { min, minExclusive } = boundsOf(schema);
  if (min === undefined || !Number.isFinite(min)) return 0;
  return minExclusive ? min + 1 : min;
}

export interface SampleOptions {
  /** false: leave optional and defaulted object fields out (the smallest valid input). */
  fillOptional: boolean;
}

const FULL: SampleOptions = { fillOptional: true };

function isOptionalField(schema: unknown): boolean {
  const type = defOf(schema).type;
  return type === "optional" || type === "default" || type === "prefault";
}

export function sampleInput(
  schema: unknown,
  resources: SampleResources,
  field?: string,
  options: SampleOptions = FULL,
): unknown {
  if (field && isResourceField(field)) {
    const value = resources.resourceFor(field);
    if (value !== undefined) return value;
  }
  if ((field && /email/i.test(field)) || isEmailSchema(schema)) {
    if (isEmailSchema(schema) || defOf(schema).type === "string") return resources.freshEmail();
  }
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(shapeOf(def))) {
        if (!options.fillOptional && isOptionalField(value)) continue;
        out[key] = sampleInput(value, resources, key, options);
      }
      return out;
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return sampleInput(def.innerType, resources, field, options);
    case "pipe": {
      // Data flows in → out; a value valid for `out` usually passes `in` too (string → email),
      // unless `out` is a transform, which cannot be sampled.
      const out = defOf(def.out);
      return out.type === "transform"
        ? sampleInput(def.in, resources, field, options)
        : sampleInput(def.out, resources, field, options);
    }
    case "lazy":
      return sampleInput((def.getter as () => unknown)(), resources, field, options);
    case "string":
      return sampleString(schema);
    case "number":
      return sampleNumber(schema);
    case "bigint":
      return 0n;
    case "boolean":
      return true;
    case "date":
      return new Date();
    case "enum": {
      const options = Object.values(def.entries as Record<string, string | number>);
      return options[options.length - 1];
    }
    case "literal":
      return (def.values as unknown[])[0];
    case "array":
      return [sampleInput(def.element, resources, field, options)];
    case "union":
      return sampleInput((def.options as unknown[])[0], resources, field, options);
    case "record":
      return {};
    case "null":
      return null;
    case "undefined":
    case "void":
      return undefined;
    case "any":
    case "unknown":
      return "sample";
    default:
      throw new Error(
        `sampleInput: no rule for zod type "${def.type}"${field ? ` (field ${field})` : ""}; extend test/sample-input.ts`,
      );
  }
}

/** Merges a procedure's input parsers (tRPC allows chaining .input()) into one sample. */
export function sampleProcedureInput(
  inputs: unknown[],
  resources: SampleResources,
  options: SampleOptions = FULL,
): unknown {
  if (inputs.length === 0) return undefined;
  if (inputs.length === 1) return sampleInput(inputs[0], resources, undefined, options);
  return Object.assign({}, ...inputs.map((schema) => sampleInput(schema, resources, undefined, options) as object));
}

/**
 * The inputs worth trying: every field filled (B's ids everywhere) and, when different, only the
 * required fields (so optional filters such as a search string cannot hide a leak).
 */
export function sampleVariants(inputs: unknown[], resources: SampleResources): { label: string; input: unknown }[] {
  const full = sampleProcedureInput(inputs, resources, { fillOptional: true });
  const minimal = sampleProcedureInput(inputs, resources, { fillOptional: false });
  return JSON.stringify(full) === JSON.stringify(minimal)
    ? [{ label: "full", input: full }]
    : [
        { label: "full", input: full },
        { label: "required-only", input: minimal },
      ];
}

/** Runs the parsers as tRPC would; returns the first failure message, or null when the sample is valid. */
export function sampleProblem(inputs: unknown[], sample: unknown): string | null {
  for (const schema of inputs) {
    const result = (
      schema as { safeParse(value: unknown): { success: boolean; error?: { message: string } } }
    ).safeParse(sample);
    if (!result.success) return result.error?.message ?? "invalid";
  }
  return null;
}
