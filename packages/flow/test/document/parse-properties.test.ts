import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportFlowDocument, type ParseFlowResult, parseFlowDocument } from "../../src/document/import-export.ts";
import { locateJsonError } from "../../src/document/json-input.ts";
import { migrateV0ToV1 } from "../../src/document/migrate-v0.ts";
import { flowDocumentSchema } from "../../src/document/schema.ts";
import { flowArbitrary } from "./arbitraries.ts";

/** parseFlowDocument's contract: it returns, never throws, and its issues are well formed. */
function wellFormed(result: ParseFlowResult): void {
  expect(typeof result.ok).toBe("boolean");
  expect(Array.isArray(result.issues)).toBe(true);
  if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(["error", "warning"]).toContain(issue.severity);
    expect(issue.code).toMatch(/^[a-z-]+$/);
    expect(typeof issue.message).toBe("string");
    expect(issue.message.length).toBeGreaterThan(0);
    if (issue.path !== undefined) expect(typeof issue.path).toBe("string");
  }
  if (result.ok) expect(flowDocumentSchema.safeParse(result.flow).success).toBe(true);
}

const parses = (input: unknown) => {
  let result: ParseFlowResult | undefined;
  expect(() => {
    result = parseFlowDocument(input);
  }).not.toThrow();
  wellFormed(result as ParseFlowResult);
  return result as ParseFlowResult;
};

const sample = () => ({
  version: 1,
  nodes: [
    { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
    {
      id: "ask",
      type: "quick-reply",
      position: { x: 0, y: 1 },
      data: { prompt: "?", options: [{ id: "a", label: "A" }] },
    },
    {
      id: "form",
      type: "collect-data",
      position: { x: 0, y: 2 },
      data: { fields: [{ name: "email", label: "E", type: "email" }] },
    },
    { id: "end", type: "end", position: { x: 0, y: 3 }, data: {} },
  ],
  edges: [
    { id: "e1", source: "start", target: "ask" },
    { id: "e2", source: "ask", sourceHandle: "a", target: "form" },
  ],
  variables: [{ name: "v", default: [1, "x"] }],
  globalActions: [{ id: "g", trigger: { kind: "keyword", keywords: ["help"] }, target: "end" }],
  settings: { language: "en" },
});

/** Replaces the value at a random path of a document with something arbitrary. */
function mutate(doc: unknown, choices: number[], replacement: unknown): unknown {
  if (choices.length === 0 || doc === null || typeof doc !== "object") return replacement;
  const keys = Object.keys(doc);
  if (keys.length === 0) return replacement;
  const [choice = 0, ...rest] = choices;
  const key = keys[choice % keys.length] as string;
  const copy = (Array.isArray(doc) ? [...doc] : { ...doc }) as Record<string, unknown>;
  copy[key] = mutate((doc as Record<string, unknown>)[key], rest, replacement);
  return copy;
}

const nested = (depth: number, leaf: unknown, kind: "array" | "object"): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = kind === "array" ? [value] : { k: value };
  return value;
};

describe("parseFlowDocument never throws", () => {
  it("for anything at all", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withNullPrototype: true,
          withObjectString: true,
          withBoxedValues: true,
        }),
        (value) => {
          parses(value);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("for any JSON text, and agrees with JSON.parse on what is JSON", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const result = parses(text);
        if (!result.ok) expect(result.issues[0]?.code).not.toBe("invalid-json");
      }),
      { numRuns: 300 },
    );
  });

  it("for random strings, JSON-like or not", () => {
    const jsonish = fc
      .array(fc.constantFrom(...'{}[]:,"\\ 0123456789.-+eEtruefalsn\n\t'), { maxLength: 40 })
      .map((cs) => cs.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), jsonish), (text) => {
        parses(text);
      }),
      { numRuns: 500 },
    );
  });

  it("for JSON text with one character changed, reporting invalid JSON exactly when JSON.parse fails", () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom("", ",", "}", "]", '"', ":", "x", "\u0000", " "),
        (text, at, char) => {
          const i = at % (text.length + 1);
          const broken = text.slice(0, i) + char + text.slice(i + 1);
          let valid = true;
          try {
            JSON.parse(broken);
          } catch {
            valid = false;
          }
          expect(locateJsonError(broken) === null).toBe(valid);
          const result = parses(broken);
          if (!valid)
            expect(result.issues[0]).toMatchObject({ code: expect.stringMatching(/^(invalid-json|too-large)$/) });
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("for valid documents with one value replaced by anything", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), fc.anything(), fc.boolean(), (path, replacement, asText) => {
        const doc = mutate(sample(), path, replacement);
        let text: string | undefined;
        try {
          text = JSON.stringify(doc);
        } catch {
          text = undefined;
        }
        const result = parses(asText && text !== undefined ? text : doc);
        if (result.ok)
          expect(parseFlowDocument(exportFlowDocument(result.flow))).toMatchObject({ ok: true, flow: result.flow });
      }),
      { numRuns: 500 },
    );
  });

  it("for old (v0) documents full of surprises", () => {
    const anyType = fc.oneof(
      fc.constantFrom(
        "message",
        "quick_reply",
        "data_collection",
        "ai_analysis",
        "ai_response",
        "human_handoff",
        "end",
        "condition",
        "jump",
        "webhook",
        "form",
      ),
      fc.string(),
      fc.anything(),
    );
    const oldNode = fc.record(
      {
        id: fc.oneof(fc.constantFrom("a", "b", "c"), fc.string(), fc.anything()),
        type: anyType,
        name: fc.oneof(fc.string(), fc.anything()),
        config: fc.oneof(
          fc.dictionary(
            fc.constantFrom(
              "message",
              "quick_replies",
              "options",
              "fields",
              "output_format",
              "analysis_prompt",
              "condition",
              "url",
              "target",
              "delay",
              "model",
              "prompt",
            ),
            fc.anything(),
          ),
          fc.anything(),
        ),
        connections: fc.oneof(
          fc.array(
            fc.record({
              target: fc.oneof(fc.constantFrom("a", "b", "zz"), fc.anything()),
              condition: fc.oneof(fc.constantFrom("always", "error", "true", "false"), fc.anything()),
            }),
          ),
          fc.anything(),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            start_node: fc.oneof(fc.constantFrom("a", "b"), fc.anything()),
            nodes: fc.oneof(fc.array(oldNode, { maxLength: 8 }), fc.anything()),
            global_actions: fc.anything(),
            conditions: fc.anything(),
          },
          { requiredKeys: ["start_node"] },
        ),
        (doc) => {
          expect(() => migrateV0ToV1(doc)).not.toThrow();
          parses(doc);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("for deep nesting anywhere", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom("array" as const, "object" as const),
        fc.boolean(),
        (path, depth, kind, asText) => {
          const doc = mutate(sample(), path, nested(depth, 1, kind));
          parses(asText ? JSON.stringify(doc) : doc);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("for huge arrays within the size limit", () => {
    const manyNumbers = {
      ...sample(),
      variables: [{ name: "big", default: Array.from({ length: 1_000_000 }, (_, i) => i % 10) }],
    };
    expect(parses(manyNumbers).ok).toBe(true);
    expect(parses(JSON.stringify(manyNumbers)).ok).toBe(true);
    const manyEdges = {
      ...sample(),
      edges: Array.from({ length: 20_001 }, (_, i) => ({ id: `e${i}`, source: "start", target: "end" })),
    };
    expect(parses(manyEdges)).toMatchObject({ ok: false, issues: [{ path: "edges" }] });
    const sparse = { ...sample(), nodes: new Array(50_000_000) };
    expect(parses(sparse).issues[0]?.code).toBe("too-large");
  });
});

describe("export → parse round trip", () => {
  it("gives back an equal document and the same text, for any valid document", () => {
    fc.assert(
      fc.property(flowArbitrary, (flow) => {
        const text = exportFlowDocument(flow);
        const result = parseFlowDocument(text);
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        expect(result.flow).toEqual(flow);
        expect(result.migratedFrom).toBeNull();
        expect(exportFlowDocument(result.flow)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
