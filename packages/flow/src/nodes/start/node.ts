import { z } from "zod";
import { defineNode, NO_REFERENCES } from "../../engine/node-definition.ts";

export const startSchema = z.object({}).describe("The start node has no settings.");
export type StartData = z.infer<typeof startSchema>;

export const startNode = defineNode<StartData>({
  type: "start",
  label: "Start",
  category: "flow",
  description:
    "Where every conversation begins. A flow has exactly one start node; its output leads to the first step.",
  schema: startSchema,
  defaults: () => ({}),
  outputs: () => [{ id: "next", label: "Next" }],
  waitsForInput: () => false,
  references: () => NO_REFERENCES,
  run: () => ({ kind: "next" }),
});
