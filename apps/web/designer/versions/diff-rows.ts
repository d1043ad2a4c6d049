import type { FlowComparison, FlowDocument, NodeSummary } from "@pixel/flow";

export type DiffTone = "added" | "removed" | "changed";
export type DiffSection = "nodes" | "edges" | "variables" | "globalActions" | "settings";

/** One line of the visual diff. */
export interface DiffRow {
  key: string;
  section: DiffSection;
  tone: DiffTone;
  label: string;
  /** Secondary text: the node's type, the fields that changed… */
  detail?: string;
  /** The node a click brings into view: only set when that node exists in the draft. */
  focusNodeId?: string;
}

export interface DiffGroup {
  section: DiffSection;
  title: string;
  rows: DiffRow[];
}

/** How the diff names things; `draftHas` says whether a node can be focused on the canvas. */
export interface DiffNaming {
  /** A node's display name by id (from either side of the comparison); undefined when unknown. */
  nodeName(id: string): string | undefined;
  /** A node type's label, e.g. "Message" for "message". */
  typeLabel(type: string): string;
  /** A data field's label for a node type, e.g. "Options" for "options". */
  fieldLabel?(type: string, field: string): string | undefined;
  /** A global action's label by id. */
  globalActionLabel?(id: string): string | undefined;
  draftHas(nodeId: string): boolean;
}

const SECTION_TITLES: Record<DiffSection, string> = {
  nodes: "Nodes",
  edges: "Connections",
  variables: "Variables",
  globalActions: "Global actions",
  settings: "Settings",
};

const SETTING_LABELS: Record<string, string> = {
  language: "Language",
  typingDelayMs: "Typing delay",
  stepBudget: "Step budget",
};

const PART_LABELS: Record<string, string> = { name: "name", position: "position", type: "type" };

/** The name shown for a node: its own name, else its type's label. */
export function nodeLabel(summary: NodeSummary, naming: Pick<DiffNaming, "typeLabel">): string {
  return summary.name?.trim() || naming.typeLabel(summary.type);
}

/** "name", "position" or a data field's label (e.g. "data.prompt" → "Prompt" when the form names it). */
export function fieldName(type: string, field: string, naming: Pick<DiffNaming, "fieldLabel">): string {
  if (!field.startsWith("data.")) return PART_LABELS[field] ?? field;
  const key = field.slice("data.".length);
  return naming.fieldLabel?.(type, key) ?? key;
}

/** The comparison as display rows, in section order: nodes, connections, variables, global actions, settings. */
export function diffRows(comparison: FlowComparison, naming: DiffNaming): DiffRow[] {
  const rows: DiffRow[] = [];
  const focus = (id: string) => (naming.draftHas(id) ? { focusNodeId: id } : {});
  const nodeRow = (tone: DiffTone, node: NodeSummary, detail?: string): DiffRow => {
    const type = naming.typeLabel(node.type);
    const label = nodeLabel(node, naming);
    const parts = [label === type ? undefined : type, detail].filter(Boolean);
    return {
      key: `node/${tone}/${node.id}`,
      section: "nodes",
      tone,
      label,
      ...(parts.length ? { detail: parts.join(" · ") } : {}),
      ...focus(node.id),
    };
  };
  for (const node of comparison.nodes.added) rows.push(nodeRow("added", node));
  for (const node of comparison.nodes.removed) rows.push(nodeRow("removed", node));
  for (const node of comparison.nodes.changed) {
    const fields = [...new Set(node.fields.map((f) => fieldName(node.type, f, naming)))];
    rows.push(nodeRow("changed", node, `changed: ${fields.join(", ")}`));
  }

  const end = (id: string) => naming.nodeName(id) ?? id;
  for (const [tone, edges] of [
    ["added", comparison.edges.added],
    ["removed", comparison.edges.removed],
  ] as const) {
    for (const edge of edges) {
      const handle = edge.sourceHandle && edge.sourceHandle !== "next" ? ` (${edge.sourceHandle})` : "";
      rows.push({
        key: `edge/${tone}/${edge.id}`,
        section: "edges",
        tone,
        label: `${end(edge.source)}${handle} → ${end(edge.target)}`,
        ...focus(edge.source),
      });
    }
  }

  const simple = (
    section: "variables" | "globalActions",
    group: FlowComparison["variables"],
    label: (item: string) => string,
  ) => {
    for (const tone of ["added", "removed", "changed"] as const) {
      for (const item of group[tone])
        rows.push({ key: `${section}/${tone}/${item}`, section, tone, label: label(item) });
    }
  };
  simple("variables", comparison.variables, (name) => name);
  simple("globalActions", comparison.globalActions, (id) => naming.globalActionLabel?.(id) ?? id);

  for (const field of comparison.settings) {
    rows.push({
      key: `settings/${field}`,
      section: "settings",
      tone: "changed",
      label: SETTING_LABELS[field] ?? field,
    });
  }
  return rows;
}

/** Rows under their section titles, empty sections left out. */
export function groupRows(rows: readonly DiffRow[]): DiffGroup[] {
  const order: DiffSection[] = ["nodes", "edges", "variables", "globalActions", "settings"];
  return order
    .map((section) => ({ section, title: SECTION_TITLES[section], rows: rows.filter((r) => r.section === section) }))
    .filter((group) => group.rows.length > 0);
}

/** "+2 −1 ~3": how many rows of each tone. */
export function summarize(rows: readonly DiffRow[]): Record<DiffTone, number> {
  const counts: Record<DiffTone, number> = { added: 0, removed: 0, changed: 0 };
  for (const row of rows) counts[row.tone]++;
  return counts;
}

/**
 * Node and global action names across documents, the later ones winning: a node removed in the newer one
 * is still named from the older one.
 */
export function namesFrom(
  docs: readonly FlowDocument[],
  typeLabel: (type: string) => string,
): { nodeName(id: string): string | undefined; globalActionLabel(id: string): string | undefined } {
  const nodes = new Map<string, string>();
  const actions = new Map<string, string>();
  for (const doc of docs) {
    for (const node of doc.nodes) nodes.set(node.id, node.name?.trim() || typeLabel(node.type));
    for (const action of doc.globalActions) if (action.label?.trim()) actions.set(action.id, action.label.trim());
  }
  return { nodeName: (id) => nodes.get(id), globalActionLabel: (id) => actions.get(id) };
}
