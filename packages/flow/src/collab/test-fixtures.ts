import { dequal } from "dequal";
import { type FlowDocument, type FlowDocumentInput, flowDocumentSchema } from "../document/schema.ts";
import { NODE_DEFINITIONS } from "../nodes/registry.ts";
import { flattenFlow } from "./flatten.ts";

type NodeType = (typeof NODE_DEFINITIONS)[number]["type"];

/** A node of the given type with the registry's default data. */
export function defaultNode(id: string, type: NodeType, x = 0, y = 0): FlowDocumentInput["nodes"][number] {
  const definition = NODE_DEFINITIONS.find((d) => d.type === type);
  return { id, type, position: { x, y }, data: definition?.defaults() ?? {} } as FlowDocumentInput["nodes"][number];
}

/**
 * start → welcome (message) → menu (quick reply); menu's option "a" → goodbye (end), option "b" unconnected.
 * One variable, one global action to the menu.
 */
export function sampleFlow(): FlowDocument {
  return flowDocumentSchema.parse({
    version: 1,
    nodes: [
      defaultNode("start", "start", 0, 0),
      defaultNode("welcome", "message", 0, 120),
      defaultNode("menu", "quick-reply", 0, 240),
      defaultNode("goodbye", "end", 0, 360),
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: "next", target: "welcome" },
      { id: "e2", source: "welcome", sourceHandle: "next", target: "menu" },
      { id: "e3", source: "menu", sourceHandle: "a", target: "goodbye" },
    ],
    variables: [{ name: "topic", type: "string", description: "What the user asked about" }],
    globalActions: [{ id: "help", trigger: { kind: "keyword", keywords: ["help"] }, target: "menu" }],
    settings: { language: "en", typingDelayMs: 0, stepBudget: 200 },
  } satisfies FlowDocumentInput);
}

/** A validated copy of `doc` after `edit`; `doc` itself is left alone. */
export function edited(doc: FlowDocument, edit: (draft: FlowDocument) => void): FlowDocument {
  const draft = structuredClone(doc);
  edit(draft);
  return flowDocumentSchema.parse(draft);
}

/** The node with this id; throws so a test fails loudly when the fixture changed. */
export function nodeOf(doc: FlowDocument, id: string) {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`No node "${id}"`);
  return node;
}

/** Removes a node and its edges, as the designer's delete does. */
export function withoutNode(doc: FlowDocument, id: string): FlowDocument {
  return edited(doc, (draft) => {
    draft.nodes = draft.nodes.filter((n) => n.id !== id);
    draft.edges = draft.edges.filter((e) => e.source !== id && e.target !== id);
  });
}

/** Same content, whatever the order of nodes, edges, variables and global actions. */
export function sameContent(a: FlowDocument, b: FlowDocument): boolean {
  const sorted = (doc: FlowDocument) => Object.fromEntries([...flattenFlow(doc)].sort(([x], [y]) => (x < y ? -1 : 1)));
  return dequal(sorted(a), sorted(b));
}
