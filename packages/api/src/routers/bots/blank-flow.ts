import { FLOW_DOCUMENT_VERSION, type FlowDocument, flowDocumentSchema, nodeDefinition } from "@pixel/flow";

export const BLANK_FLOW_GREETING = "Hello! How can I help you today?";

function defaultsOf(type: "start" | "message"): Record<string, unknown> {
  const definition = nodeDefinition(type);
  if (!definition) throw new Error(`The flow package has no "${type}" node.`);
  return definition.defaults() as Record<string, unknown>;
}

/** A new bot's draft: a start node leading to one greeting message, checked against the document schema. */
export function blankFlow(): FlowDocument {
  return flowDocumentSchema.parse({
    version: FLOW_DOCUMENT_VERSION,
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: defaultsOf("start") },
      {
        id: "greeting",
        type: "message",
        position: { x: 320, y: 0 },
        data: { ...defaultsOf("message"), text: BLANK_FLOW_GREETING },
      },
    ],
    edges: [{ id: "start-greeting", source: "start", sourceHandle: "next", target: "greeting" }],
  });
}
