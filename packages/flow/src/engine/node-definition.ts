import type { z } from "zod";
import type { FlowEvent } from "./events.ts";
import type { TurnInput } from "./input.ts";
import type { JsonValue } from "./json.ts";
import type { FlowPorts, HistoryMessage } from "./ports.ts";
import type { WaitData } from "./state.ts";

export type NodeCategory = "flow" | "messages" | "input" | "logic" | "ai" | "integrations" | "handoff";

export interface OutputHandle {
  id: string;
  label: string;
}

/** What a node asks the engine to do next. */
export type StepOutcome =
  | { kind: "next"; handle?: string }
  | { kind: "goto"; nodeId: string }
  | { kind: "wait"; data?: WaitData }
  | { kind: "end" }
  | { kind: "handoff" };

export interface ExpertPersona {
  nodeId: string;
  name: string;
  systemPrompt: string;
  model: string;
}

/** Everything a runner may touch. Runners never see the database, HTTP or the clock directly. */
export interface NodeContext<Data> {
  nodeId: string;
  data: Data;
  vars: Readonly<Record<string, JsonValue>>;
  ports: FlowPorts;
  history: readonly HistoryMessage[];
  settings: { language: string; typingDelayMs: number };
  /** The expert persona speaking now, if an expert handoff happened. */
  expert: ExpertPersona | null;
  emit(event: FlowEvent): void;
  render(template: string): string;
  setVariables(values: Record<string, JsonValue>): void;
  setExpert(expert: ExpertPersona): void;
}

/** What a node reads and writes, for validation (variables used but never defined, jump targets, URLs). */
export interface NodeReferences {
  reads: string[];
  writes: string[];
  targets: string[];
  templates: string[];
}

/**
 * One node type: schema, behaviour, outputs and docs in one place. Adding a type means a folder
 * exporting one of these, plus one line in the registry.
 */
export interface NodeDefinition<Data = unknown> {
  type: string;
  label: string;
  category: NodeCategory;
  /** One paragraph for the palette and the docs. */
  description: string;
  schema: z.ZodType<Data>;
  defaults(): Data;
  outputs(data: Data): OutputHandle[];
  /** Whether the node stops the turn to wait for the user; loops without one never end. */
  waitsForInput(data: Data): boolean;
  references(data: Data): NodeReferences;
  run(ctx: NodeContext<Data>): StepOutcome | Promise<StepOutcome>;
  /** Called with the user's answer when the node waited. */
  resume?(ctx: NodeContext<Data>, input: TurnInput, waiting: WaitData): StepOutcome | Promise<StepOutcome>;
}

export const NO_REFERENCES: NodeReferences = { reads: [], writes: [], targets: [], templates: [] };

/** Keeps the node's data type when collecting heterogeneous definitions in the registry. */
export function defineNode<Data>(definition: NodeDefinition<Data>): NodeDefinition<Data> {
  return definition;
}
