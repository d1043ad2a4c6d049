import { type FlowDocument, type FlowNode, nodeDefinition, RESERVED_VARIABLES, templateVariables } from "@pixel/flow";

/** Who uses a variable: the ids of the nodes reading it (directly or in a {{template}}) and writing it. */
export interface VariableUsage {
  readers: string[];
  writers: string[];
}

/** The variable names a template reads: the engine's own parser, so the designer never disagrees with it. */
export const templateVariableNames = templateVariables;

/** A node's reads and writes; nothing for data its definition cannot read. */
export function nodeVariables(node: Pick<FlowNode, "type" | "data">): { reads: string[]; writes: string[] } {
  const definition = nodeDefinition(node.type);
  if (!definition) return { reads: [], writes: [] };
  try {
    const references = definition.references(node.data);
    const reads = new Set(references.reads);
    for (const template of references.templates) for (const name of templateVariableNames(template)) reads.add(name);
    return { reads: [...reads], writes: [...new Set(references.writes)] };
  } catch {
    return { reads: [], writes: [] };
  }
}

const usageCache = new WeakMap<FlowDocument, Map<string, VariableUsage>>();

/** Every variable some node reads or writes, with the nodes; computed once per document version. */
export function variableUsage(doc: FlowDocument): Map<string, VariableUsage> {
  const cached = usageCache.get(doc);
  if (cached) return cached;
  const usage = new Map<string, VariableUsage>();
  const entry = (name: string) => {
    let found = usage.get(name);
    if (!found) {
      found = { readers: [], writers: [] };
      usage.set(name, found);
    }
    return found;
  };
  for (const node of doc.nodes) {
    const { reads, writes } = nodeVariables(node);
    for (const name of reads) entry(name).readers.push(node.id);
    for (const name of writes) entry(name).writers.push(node.id);
  }
  usageCache.set(doc, usage);
  return usage;
}

/** How many nodes read a variable. */
export function readerCount(usage: ReadonlyMap<string, VariableUsage>, name: string): number {
  return usage.get(name)?.readers.length ?? 0;
}

/** Variables that nodes write but the flow does not declare, sorted. */
export function undeclaredWrites(doc: FlowDocument, usage = variableUsage(doc)): string[] {
  const declared = new Set(doc.variables.map((v) => v.name));
  return [...usage]
    .filter(([name, use]) => use.writers.length > 0 && !declared.has(name))
    .map(([name]) => name)
    .sort((a, b) => a.localeCompare(b));
}

/** The names a variable picker offers: declared, written by a node, and the engine's own (last_message). */
export function knownVariableNames(doc: FlowDocument): string[] {
  const names = new Set<string>(doc.variables.map((v) => v.name));
  for (const [name, use] of variableUsage(doc)) if (use.writers.length) names.add(name);
  for (const name of RESERVED_VARIABLES) names.add(name);
  return [...names].sort((a, b) => a.localeCompare(b));
}
