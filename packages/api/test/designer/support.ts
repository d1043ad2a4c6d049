import { type FlowDocument, flowDocumentSchema } from "@pixel/flow";
import { db } from "../helpers.ts";

/** start → hello → ask (two options) → end: small, valid, and enough to branch. */
export function sampleFlow(): FlowDocument {
  return flowDocumentSchema.parse({
    version: 1,
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      { id: "hello", type: "message", position: { x: 300, y: 0 }, data: { text: "Hello {{name}}" } },
      {
        id: "ask",
        type: "quick-reply",
        position: { x: 600, y: 0 },
        data: {
          prompt: "Pick one",
          options: [
            { id: "a", label: "Apples" },
            { id: "b", label: "Bananas" },
          ],
          variable: "fruit",
        },
      },
      { id: "done", type: "end", position: { x: 900, y: 0 }, data: { message: "You chose {{fruit}}" } },
    ],
    edges: [
      { id: "e1", source: "start", target: "hello" },
      { id: "e2", source: "hello", target: "ask" },
      { id: "e3", source: "ask", sourceHandle: "a", target: "done" },
      { id: "e4", source: "ask", sourceHandle: "b", target: "done" },
    ],
    variables: [{ name: "name", default: "Ada" }],
  });
}

export async function createBotRow(organizationId: string, flow: FlowDocument = sampleFlow(), name = "Test bot") {
  return db().bot.create({
    data: { organizationId, name, draftFlow: flow as object, draftRevision: 0 },
  });
}
