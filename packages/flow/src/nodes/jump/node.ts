import { z } from "zod";
import { defineNode } from "../../engine/node-definition.ts";

export const jumpSchema = z.object({
  targetNodeId: z.string().min(1, "Choose the node to jump to").describe("The node the conversation continues at."),
});
export type JumpData = z.infer<typeof jumpSchema>;

export const jumpNode = defineNode<JumpData>({
  type: "jump",
  label: "Jump",
  category: "flow",
  description: "Continues the conversation at any other node, e.g. back to a menu.",
  schema: jumpSchema,
  defaults: () => ({ targetNodeId: "" }),
  outputs: () => [],
  waitsForInput: () => false,
  references: (data) => ({ reads: [], writes: [], targets: [data.targetNodeId], templates: [] }),
  run: (ctx) => ({ kind: "goto", nodeId: ctx.data.targetNodeId }),
});
