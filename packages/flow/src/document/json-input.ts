import type { FlowIssue } from "../validation/issue.ts";

/** Largest flow document accepted, as UTF-8 JSON. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Deepest nesting accepted; real flows stay under 15 levels, so this only stops hostile input. */
export const MAX_DOCUMENT_DEPTH = 100;

export type JsonRead = { ok: true; value: unknown } | { ok: false; issue: FlowIssue };

function failure(code: string, message: string, path?: string): JsonRead {
  return { ok: false, issue: { severity: "error", code, message, ...(path ? { path } : {}) } };
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function tooLarge(size?: number): JsonRead {
  const limit = megabytes(MAX_DOCUMENT_BYTES).replace(".0", "");
  return failure(
    "too-large",
    size === undefined
      ? `The document is larger than ${limit} of JSON; the limit is ${limit}.`
      : `The document is ${megabytes(size)} of JSON; the limit is ${limit}.`,
  );
}

function describeChar(text: string, offset: number): string {
  const code = text.codePointAt(offset);
  if (code === undefined) return "the end of the text";
  const char = String.fromCodePoint(code);
  if (code < 0x20 || code === 0x7f)
    return `the control character U+${code.toString(16).padStart(4, "0").toUpperCase()}`;
  return `'${char}'`;
}

export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

/**
 * Finds the first syntax error of a JSON text, with a reason a person understands. Engines word
 * JSON.parse errors differently and not always with a position, so the position is found here.
 * Iterative, so deep nesting cannot overflow the stack. Returns null for valid JSON.
 */
export function locateJsonError(text: string): JsonSyntaxError | null {
  const n = text.length;
  let i = 0;
  const closers: string[] = [];
  let state: "value" | "first-value" | "key" | "first-key" | "after-value" = "value";
  const at = (offset: number, reason: string): JsonSyntaxError => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < offset && k < n; k++) {
      if (text.charCodeAt(k) === 10) {
        line += 1;
        lineStart = k + 1;
      }
    }
    return { offset, line, column: offset - lineStart + 1, reason };
  };
  const skipWhitespace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const readString = (): JsonSyntaxError | null => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c < 0x20) return at(i, `${describeChar(text, i)} inside a string must be escaped (e.g. \\n)`);
      if (c === 92) {
        const escaped = text[i + 1];
        if (escaped === undefined) break;
        if ('"\\/bfnrt'.includes(escaped)) i += 2;
        else if (escaped === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return at(i, "\\u must be followed by 4 hexadecimal digits");
          i += 6;
        } else return at(i, `"\\${escaped}" is not a valid escape in a string`);
        continue;
      }
      i++;
    }
    return at(n, 'a string is not closed (missing ")');
  };
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  for (;;) {
    skipWhitespace();
    const c = text[i];
    switch (state) {
      case "first-value":
        if (c === "]") {
          closers.pop();
          i++;
          state = "after-value";
          continue;
        }
        state = "value";
        continue;
      case "value": {
        if (c === undefined) return at(i, "the text ends where a value was expected");
        if (c === "{") {
          closers.push("}");
          i++;
          state = "first-key";
          continue;
        }
        if (c === "[") {
          closers.push("]");
          i++;
          state = "first-value";
          continue;
        }
        if (c === '"') {
          const error = readString();
          if (error) return error;
          state = "after-value";
          continue;
        }
        if (c === "-" || (c >= "0" && c <= "9")) {
          number.lastIndex = i;
          const match = number.exec(text);
          if (!match) return at(i, "this is not a valid number");
          i += match[0].length;
          state = "after-value";
          continue;
        }
        const literal = ["true", "false", "null"].find((word) => text.startsWith(word, i));
        if (literal) {
          i += literal.length;
          state = "after-value";
          continue;
        }
        if (c === "]" || c === "}") return at(i, `unexpected '${c}': a value is missing (a trailing comma?)`);
        if (c === "'") return at(i, "strings must use double quotes");
        return at(i, `unexpected ${describeChar(text, i)} where a value was expected`);
      }
      case "first-key":
        if (c === "}") {
          closers.pop();
          i++;
          state = "after-value";
          continue;
        }
        state = "key";
        continue;
      case "key": {
        if (c === undefined) return at(i, "the text ends where a property name was expected");
        if (c === "}") return at(i, "a comma cannot come before '}' (trailing comma)");
        if (c !== '"') return at(i, `expected a property name in double quotes, found ${describeChar(text, i)}`);
        const error = readString();
        if (error) return error;
        skipWhitespace();
        if (text[i] !== ":") return at(i, `expected ':' after the property name, found ${describeChar(text, i)}`);
        i++;
        state = "value";
        continue;
      }
      case "after-value": {
        const closer = closers[closers.length - 1];
        if (closer === undefined) {
          return c === undefined ? null : at(i, `unexpected ${describeChar(text, i)} after the end of the document`);
        }
        if (c === ",") {
          i++;
          state = closer === "}" ? "key" : "value";
          continue;
        }
        if (c === closer) {
          closers.pop();
          i++;
          continue;
        }
        if (c === undefined) return at(i, `the text ends before the closing '${closer}'`);
        return at(i, `expected ',' or '${closer}', found ${describeChar(text, i)}`);
      }
    }
  }
}

/** Parses JSON text, with size and depth limits and a located, readable error. */
export function readJsonText(input: string): JsonRead {
  if (input.length > MAX_DOCUMENT_BYTES) return tooLarge();
  const bytes = utf8Length(input);
  if (bytes > MAX_DOCUMENT_BYTES) return tooLarge(bytes);
  const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? input.slice(1) : input;
  if (text.trim() === "") return failure("invalid-json", "The document is empty: expected a JSON object.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const located = locateJsonError(text);
    if (located) {
      return failure(
        "invalid-json",
        `Invalid JSON at line ${located.line}, column ${located.column} (position ${located.offset + bom}): ${located.reason}.`,
      );
    }
    return failure("invalid-json", `Invalid JSON: ${error instanceof Error ? error.message : "unreadable text"}.`);
  }
  // Parsed JSON has no cycles and its size is known; only the depth is left to check.
  return toPlainJson(parsed, Number.POSITIVE_INFINITY);
}

class NotJson extends Error {
  constructor(readonly read: JsonRead) {
    super("not json");
  }
}

function pathText(path: readonly (string | number)[]): string {
  return path.length ? path.join(".") : "(the document itself)";
}

/**
 * Copies a value the way JSON.stringify would see it (toJSON applied, functions and undefined dropped
 * from objects, null in arrays), checking depth, cycles, BigInts and size on the way. The copy is plain
 * data: later steps never touch the caller's getters, proxies or prototypes again.
 */
export function toPlainJson(value: unknown, maxBytes: number = MAX_DOCUMENT_BYTES): JsonRead {
  let bytes = 0;
  const ancestors = new Set<object>();
  const spend = (amount: number) => {
    bytes += amount;
    if (bytes > maxBytes) throw new NotJson(tooLarge());
  };
  const copy = (input: unknown, key: string, path: (string | number)[], inArray: boolean): unknown => {
    let current = input;
    if (current !== null && (typeof current === "object" || typeof current === "bigint")) {
      const toJSON = (current as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === "function") current = toJSON.call(current, key);
    }
    switch (typeof current) {
      case "string":
        spend(utf8Length(current) + 2);
        return current;
      case "number":
        spend(Number.isFinite(current) ? String(current).length : 4);
        // JSON has no -0 (it is written 0): objects and their JSON text must read the same.
        return current === 0 ? 0 : current;
      case "boolean":
        spend(current ? 4 : 5);
        return current;
      case "bigint":
        throw new NotJson(
          failure("not-json", `A BigInt at ${pathText(path)} cannot be stored as JSON.`, path.join(".") || undefined),
        );
      case "undefined":
      case "function":
      case "symbol":
        if (inArray) {
          spend(4);
          return null;
        }
        return undefined;
    }
    if (current === null) {
      spend(4);
      return null;
    }
    const object = current as object;
    if (path.length >= MAX_DOCUMENT_DEPTH) {
      throw new NotJson(
        failure(
          "too-deep",
          `The document is nested more than ${MAX_DOCUMENT_DEPTH} levels deep (at ${pathText(path.slice(0, 6))}…).`,
        ),
      );
    }
    if (ancestors.has(object)) {
      throw new NotJson(
        failure(
          "not-json",
          `The document refers to itself at ${pathText(path)} (a circular reference), so it cannot be stored as JSON.`,
          path.join(".") || undefined,
        ),
      );
    }
    ancestors.add(object);
    try {
      if (Array.isArray(object)) {
        spend(2);
        const out: unknown[] = [];
        const length = object.length;
        for (let index = 0; index < length; index++) {
          spend(1);
          out.push(copy(object[index], String(index), [...path, index], true));
        }
        return out;
      }
      spend(2);
      const out: Record<string, unknown> = {};
      for (const name of Object.keys(object)) {
        const item = copy((object as Record<string, unknown>)[name], name, [...path, name], false);
        if (item === undefined) continue;
        spend(utf8Length(name) + 4);
        // defineProperty keeps a "__proto__" key as data instead of changing the copy's prototype.
        Object.defineProperty(out, name, { value: item, enumerable: true, writable: true, configurable: true });
      }
      return out;
    } finally {
      ancestors.delete(object);
    }
  };
  try {
    return { ok: true, value: copy(value, "", [], false) };
  } catch (error) {
    if (error instanceof NotJson) return error.read;
    throw error;
  }
}
