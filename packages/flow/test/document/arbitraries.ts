import fc from "fast-check";
import { flowDocumentSchema } from "../../src/document/schema.ts";

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const variable = fc.stringMatching(/^[A-Za-z_]\w{0,10}$/);
const coordinate = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => x + 0);
const words = fc.string({ minLength: 1, maxLength: 30 });

const nodeData: Record<string, fc.Arbitrary<unknown>> = {
  start: fc.constant({}),
  message: fc.record(
    {
      text: fc.string({ maxLength: 50 }),
      typingDelayMs: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
    },
    { requiredKeys: ["text"] },
  ),
  "quick-reply": fc.record({
    prompt: fc.string({ maxLength: 50 }),
    options: fc.uniqueArray(
      fc.record(
        { id, label: words, value: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) },
        { requiredKeys: ["id", "label"] },
      ),
      { minLength: 1, maxLength: 4, selector: (o) => o.id },
    ),
    allowFreeText: fc.boolean(),
    variable: fc.option(variable, { nil: undefined }),
  }),
  condition: fc.record({
    branches: fc.uniqueArray(
      fc.record({
        id,
        label: words,
        combinator: fc.constantFrom("and", "or"),
        rules: fc.array(
          fc.record({
            variable: variable,
            operator: fc.constantFrom("equals", "is_set", "greater_than"),
            value: fc.string({ maxLength: 10 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 3, selector: (b) => b.id },
    ),
  }),
  "set-variable": fc.record({
    assignments: fc.array(fc.record({ variable, mode: fc.constant("literal"), value: fc.string({ maxLength: 20 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  jump: fc.record({ targetNodeId: id }),
  end: fc.record({ message: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }) }),
};

/** Valid flow documents (as the schema outputs them) of a few node types, with dangling references allowed. */
export const flowArbitrary = fc
  .record({
    nodes: fc.uniqueArray(
      fc.constantFrom(...Object.keys(nodeData)).chain((type) =>
        fc.record({
          id,
          type: fc.constant(type),
          name: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
          position: fc.record({ x: coordinate, y: coordinate }),
          data: nodeData[type] as fc.Arbitrary<unknown>,
        }),
      ),
      { maxLength: 8, selector: (n) => n.id },
    ),
    edges: fc.uniqueArray(
      fc.record({ id, source: id, sourceHandle: fc.constantFrom("next", "a", "else", "fallback"), target: id }),
      { maxLength: 8, selector: (e) => e.id },
    ),
    variables: fc.array(
      fc.record({
        name: variable,
        type: fc.constantFrom("string", "number", "json"),
        // JSON cannot carry -0: a value that differs only by it is the same document once written out.
        default: fc.option(
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v))),
          { nil: undefined },
        ),
      }),
      { maxLength: 3 },
    ),
    globalActions: fc.uniqueArray(
      fc.record({
        id,
        trigger: fc.record({ kind: fc.constant("keyword"), keywords: fc.array(words, { minLength: 1, maxLength: 3 }) }),
        target: id,
      }),
      { maxLength: 2, selector: (a) => a.id },
    ),
    settings: fc.record({
      language: fc.constantFrom("en", "fr", "pt-BR"),
      typingDelayMs: fc.integer({ min: 0, max: 10_000 }),
      stepBudget: fc.integer({ min: 10, max: 10_000 }),
    }),
  })
  .map((doc) => flowDocumentSchema.parse({ version: 1, ...doc }));
