import { compileExpression } from "filtrex";
import type { JsonValue } from "../../engine/json.ts";

type Compiled = (vars: Record<string, unknown>) => unknown;
const cache = new Map<string, Compiled | Error>();

/**
 * Expressions use filtrex: a small, safe language for end users (arithmetic, comparisons, and/or,
 * if/then/else, round/min/max…) that cannot reach JavaScript globals. Unknown variables read as null.
 */
export function compile(expression: string): Compiled | Error {
  let compiled = cache.get(expression);
  if (!compiled) {
    try {
      compiled = compileExpression(expression, {
        customProp: (name: string, get: (name: string) => unknown) => {
          try {
            return get(name);
          } catch {
            return null;
          }
        },
      }) as Compiled;
    } catch (error) {
      compiled = error instanceof Error ? error : new Error(String(error));
    }
    if (cache.size > 2_000) cache.clear();
    cache.set(expression, compiled);
  }
  return compiled;
}

export function evaluate(
  expression: string,
  vars: Readonly<Record<string, JsonValue>>,
): { value: JsonValue } | { error: string } {
  const compiled = compile(expression);
  if (compiled instanceof Error) return { error: `Invalid expression "${expression}": ${compiled.message}` };
  const value = compiled(vars as Record<string, unknown>);
  if (value instanceof Error) return { error: `Expression "${expression}" failed: ${value.message}` };
  if (typeof value === "number" && !Number.isFinite(value)) return { value: null };
  if (value === undefined) return { value: null };
  return { value: value as JsonValue };
}
