import { defineNodeForm, str } from "../../forms/types.ts";
import type { JumpData } from "./node.ts";

export const jumpForm = defineNodeForm<JumpData>({
  icon: "corner-down-right",
  color: "slate",
  fields: [
    {
      kind: "node",
      key: "targetNodeId",
      label: "Jump to",
      help: "The node the conversation continues at, e.g. back to a menu.",
    },
  ],
  summary: (data) => [str(data.targetNodeId) ? `→ ${str(data.targetNodeId)}` : "No target yet"],
});
