import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { initialState, validateFlow } from "../../src/index.ts";
import { brokenFlow, conversation, loopingFlow } from "./arbitraries.ts";
import { checkTurn, expectSame, play, type Turn } from "./conversation.ts";

const RUNS = 200;

describe("runTurn on runaway and broken flows", () => {
  it("a loop that never waits hits the budget once per turn and changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(conversation(loopingFlow()), async ({ flow, inputs, seed }) => {
        const turns = await play(flow, [{ type: "start" }, ...inputs.slice(0, 1)], seed);
        const opening = turns[0] as Turn;
        const budgetErrors = opening.events.filter((e) => e.type === "error" && e.code === "step-budget-exceeded");
        expect(budgetErrors).toHaveLength(1);
        expectSame(opening.after, { ...initialState(), turns: 1 }, "the state after a runaway opening");
        for (const turn of turns) checkTurn(flow, turn);
        expect(validateFlow(flow).errors.some((e) => e.code === "loop-without-input")).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
  it("always resolves on broken flows too (dangling edges, no start, loops…)", async () => {
    await fc.assert(
      fc.asyncProperty(
        brokenFlow().chain(({ flow }) => conversation(fc.constant(flow))),
        async ({ flow, inputs, seed }) => {
          for (const turn of await play(flow, inputs, seed)) checkTurn(flow, turn);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
