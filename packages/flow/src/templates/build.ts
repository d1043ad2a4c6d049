import type { z } from "zod";
import {
  type FlowDocument,
  type FlowDocumentInput,
  flowDocumentSchema,
  type GlobalAction,
} from "../document/schema.ts";
import type { aiAnalysisSchema } from "../nodes/ai-analysis/node.ts";
import type { aiStepSchema } from "../nodes/ai-step/node.ts";
import type { collectDataSchema } from "../nodes/collect-data/node.ts";
import type { conditionSchema } from "../nodes/condition/node.ts";
import type { endSchema } from "../nodes/end/node.ts";
import type { expertHandoffSchema } from "../nodes/expert-handoff/node.ts";
import type { humanHandoffSchema } from "../nodes/human-handoff/node.ts";
import type { jumpSchema } from "../nodes/jump/node.ts";
import type { messageSchema } from "../nodes/message/node.ts";
import type { quickReplySchema } from "../nodes/quick-reply/node.ts";
import type { setVariableSchema } from "../nodes/set-variable/node.ts";
import type { startSchema } from "../nodes/start/node.ts";
import type { webhookSchema } from "../nodes/webhook/node.ts";

/** What each node type accepts as data (defaults may be left out; the schema fills them in). */
export interface NodeDataInput {
  start: z.input<typeof startSchema>;
  message: z.input<typeof messageSchema>;
  "quick-reply": z.input<typeof quickReplySchema>;
  "collect-data": z.input<typeof collectDataSchema>;
  condition: z.input<typeof conditionSchema>;
  "set-variable": z.input<typeof setVariableSchema>;
  "ai-step": z.input<typeof aiStepSchema>;
  "ai-analysis": z.input<typeof aiAnalysisSchema>;
  webhook: z.input<typeof webhookSchema>;
  "expert-handoff": z.input<typeof expertHandoffSchema>;
  "human-handoff": z.input<typeof humanHandoffSchema>;
  jump: z.input<typeof jumpSchema>;
  end: z.input<typeof endSchema>;
}
export type TemplateNodeType = keyof NodeDataInput;

/** Grid spacing of the designer canvas: columns left to right, rows top to bottom. */
export const COLUMN_WIDTH = 320;
export const ROW_HEIGHT = 180;

type VariableInput = NonNullable<FlowDocumentInput["variables"]>[number];

/**
 * A tiny builder for template flows: nodes are placed on a grid (column, row), edges are named after their
 * source and handle, and `build()` returns the document parsed by `flowDocumentSchema` (defaults filled in).
 */
export class FlowBuilder {
  private readonly nodes: FlowDocumentInput["nodes"] = [];
  private readonly edges: FlowDocumentInput["edges"] = [];
  private readonly variables: VariableInput[] = [];
  private readonly actions: GlobalAction[] = [];
  private readonly ids = new Set<string>();

  /** Adds a node at a grid cell; returns its id so calls can be chained into `connect`. */
  add<T extends TemplateNodeType>(
    id: string,
    type: T,
    data: NodeDataInput[T],
    at: { col: number; row: number },
    name?: string,
  ): string {
    if (this.ids.has(id)) throw new Error(`Duplicate node id "${id}"`);
    this.ids.add(id);
    const node = { id, type, position: { x: at.col * COLUMN_WIDTH, y: at.row * ROW_HEIGHT }, data };
    this.nodes.push((name ? { ...node, name } : node) as FlowDocumentInput["nodes"][number]);
    return id;
  }

  /** Connects an output (`next` unless a handle is given) of `source` to `target`. */
  connect(source: string, target: string, handle = "next"): this {
    const id = `e_${source}_${handle}`.slice(0, 64);
    if (this.edges.some((edge) => edge.id === id)) throw new Error(`Duplicate edge "${id}"`);
    this.edges.push({ id, source, sourceHandle: handle, target });
    return this;
  }

  /** Connects each node's `next` output to the following node. */
  chain(...ids: string[]): this {
    for (let i = 0; i + 1 < ids.length; i++) this.connect(ids[i] as string, ids[i + 1] as string);
    return this;
  }

  variable(name: string, type: VariableInput["type"], description?: string): this {
    if (this.variables.some((v) => v.name === name)) return this;
    this.variables.push({ name, type, ...(description ? { description } : {}) });
    return this;
  }

  keywordAction(id: string, label: string, keywords: string[], target: string): this {
    this.actions.push({ id, label, trigger: { kind: "keyword", keywords }, target });
    return this;
  }

  build(
    settings: FlowDocumentInput["settings"] = { language: "en", typingDelayMs: 600, stepBudget: 200 },
  ): FlowDocument {
    return flowDocumentSchema.parse({
      version: 1,
      nodes: this.nodes,
      edges: this.edges,
      variables: this.variables,
      globalActions: this.actions,
      settings,
    });
  }
}

/** "Cash Flow Analysis" → "cash_flow_analysis": ids and variable names from seed labels. */
export function snake(text: string, max = 48): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, max)
      .replace(/_+$/g, "") || "item"
  );
}

/** "budget_analysis_and_optimization" → "Budget analysis and optimization". */
export function humanise(action: string): string {
  const words = action.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
