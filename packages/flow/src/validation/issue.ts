/** A problem found in a flow document, naming where it is so the designer can focus it. */
export interface FlowIssue {
  severity: "error" | "warning";
  /** Stable machine code, e.g. "no-start-node", "unreachable-node", "invalid-json". */
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Every node involved, in order, when the issue spans several (e.g. the nodes of a loop). */
  nodeIds?: string[];
  /** JSON path inside the document, e.g. "nodes.3.data.url". */
  path?: string;
}
