import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateFlow } from "../../src/index.ts";
import { conversation } from "./arbitraries.ts";
import { checkTurn, expectSame, play } from "./conversation.ts";

const RUNS = 200;

describe("runTurn on generated flows", () => {
  it("always resolves, stays within the step budget, keeps the state JSON and never mutates its input", async () => {
    await fc.assert(
      fc.asyncProperty(conversation(), async ({ flow, inputs, seed }) => {
        const frozenFlow = structuredClone(flow);
        for (const turn of await play(flow, inputs, seed)) checkTurn(flow, turn);
        expectSame(flow, frozenFlow, "the flow before and after the conversation");
      }),
      { numRuns: RUNS },
    );
  });
  it("agrees with validateFlow: visited nodes are reachable, no reported loop means no runaway", async () => {
    await fc.assert(
      fc.asyncProperty(conversation(), async ({ flow, inputs, seed }) => {
        const { errors, warnings } = validateFlow(flow);
        const unreachable = new Set(warnings.filter((w) => w.code === "unreachable-node").map((w) => w.nodeId));
        const loops = errors.some((e) => e.code === "loop-without-input");
        for (const turn of await play(flow, inputs, seed)) {
          for (const id of turn.after.path)
            expect(unreachable.has(id), `${id} ran but was reported unreachable`).toBe(false);
          for (const event of turn.events)
            if ("nodeId" in event && event.nodeId) expect(unreachable.has(event.nodeId)).toBe(false);
          const runaway = turn.events.some((e) => e.type === "error" && e.code === "step-budget-exceeded");
          if (runaway) expect(loops || flow.nodes.length > flow.settings.stepBudget).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
