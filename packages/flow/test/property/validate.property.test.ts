import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FlowDocument, type FlowIssue, validateFlow } from "../../src/index.ts";
import { type Breakage, brokenFlow, validFlow } from "./arbitraries.ts";

const RUNS = 200;

/** Breakages the generator for valid flows never makes, so these codes must not appear there. */
const STRUCTURAL = [
  "no-start-node",
  "multiple-start-nodes",
  "duplicate-node-id",
  "duplicate-edge-id",
  "dangling-edge",
  "unknown-output",
  "duplicate-output-edge",
  "unknown-jump-target",
  "unknown-global-action-target",
  "unknown-node-type",
  "invalid-node-data",
  "validation-failed",
];

const EXPECTED: Record<Breakage, string> = {
  "remove-start": "no-start-node",
  "extra-start": "multiple-start-nodes",
  "dangling-edge": "dangling-edge",
  "unknown-handle": "unknown-output",
  "duplicate-output": "duplicate-output-edge",
  "duplicate-node-id": "duplicate-node-id",
  "duplicate-edge-id": "duplicate-edge-id",
  "jump-nowhere": "unknown-jump-target",
  "global-action-nowhere": "unknown-global-action-target",
  "tight-loop": "loop-without-input",
};

function wellFormed(flow: FlowDocument, issue: FlowIssue) {
  expect(issue.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  expect(issue.message.length).toBeGreaterThan(10);
  // Every issue points somewhere: a node, an edge, or a path in the document.
  expect(issue.nodeId ?? issue.edgeId ?? issue.path).toBeDefined();
  if (issue.nodeId) expect(flow.nodes.some((n) => n.id === issue.nodeId)).toBe(true);
  if (issue.edgeId) expect(flow.edges.some((e) => e.id === issue.edgeId)).toBe(true);
}

describe("validateFlow on generated flows", () => {
  it("never throws, is deterministic, and finds no structural errors in valid flows", () => {
    fc.assert(
      fc.property(validFlow(), (flow) => {
        const result = validateFlow(flow);
        expect(validateFlow(flow)).toStrictEqual(result);
        for (const issue of result.errors) expect(issue.severity).toBe("error");
        for (const issue of result.warnings) expect(issue.severity).toBe("warning");
        for (const issue of [...result.errors, ...result.warnings]) wellFormed(flow, issue);
        expect(result.errors.filter((e) => STRUCTURAL.includes(e.code))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws on schema-valid but broken flows, and reports each breakage", () => {
    fc.assert(
      fc.property(brokenFlow(), ({ flow, breakages }) => {
        const result = validateFlow(flow);
        const codes = new Set(result.errors.map((e) => e.code));
        expect(codes.has("validation-failed")).toBe(false);
        for (const breakage of breakages) expect(codes, breakage).toContain(EXPECTED[breakage]);
        for (const issue of [...result.errors, ...result.warnings]) wellFormed(flow, issue);
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws on anything at all", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = validateFlow(value as FlowDocument);
        expect(Array.isArray(result.errors) && Array.isArray(result.warnings)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
