import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowDocumentSchema } from "../../src/index.ts";
import { validFlow } from "./arbitraries.ts";

const RUNS = 200;

/** Replaces one value somewhere inside `value` (found by walking `steps`) with `replacement`. */
function graft(value: unknown, steps: number[], replacement: unknown): unknown {
  if (steps.length === 0 || value === null || typeof value !== "object") return replacement;
  const [step, ...rest] = steps as [number, ...number[]];
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const copy = value.slice();
    const i = step % copy.length;
    copy[i] = graft(copy[i], rest, replacement);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[step % keys.length] as string;
  return { ...value, [key]: graft((value as Record<string, unknown>)[key], rest, replacement) };
}

describe("flowDocumentSchema", () => {
  it("safeParse never throws on anything", () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
        (value) => {
          const result = flowDocumentSchema.safeParse(value);
          expect(typeof result.success).toBe("boolean");
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("safeParse never throws on valid flows with one part replaced by anything", () => {
    fc.assert(
      fc.property(
        validFlow({ maxNodes: 15 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.anything(),
        (flow, steps, replacement) => {
          const result = flowDocumentSchema.safeParse(graft(flow, steps, replacement));
          expect(typeof result.success).toBe("boolean");
        },
      ),
      { numRuns: RUNS },
    );
  });
});
