import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportFlowDocument, parseFlowDocument } from "../../src/document/import-export.ts";
import { validateFlow } from "../../src/index.ts";
import { validFlow } from "./arbitraries.ts";

const RUNS = 200;

describe("parseFlowDocument", () => {
  it("never throws on anything or on any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.json()), (input) => {
        const result = parseFlowDocument(input);
        expect(typeof result.ok).toBe("boolean");
        expect(Array.isArray(result.issues)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("reads back every exported flow, and validation sees the same flow", () => {
    fc.assert(
      fc.property(validFlow({ maxNodes: 20 }), (flow) => {
        const result = parseFlowDocument(exportFlowDocument(flow));
        expect(result.ok, JSON.stringify(result.issues)).toBe(true);
        if (result.ok) expect(validateFlow(result.flow)).toEqual(validateFlow(flow));
      }),
      { numRuns: RUNS },
    );
  });
});
