"use client";
import type { FlowNode } from "@pixel/flow";
import { useRef } from "react";
import { useDesigner } from "../store/designer-store.ts";
import { jsonEqual } from "./form-model.ts";
import { nodeIndexOf } from "./node-lookup.ts";

/** What the properties panel shows of a node: not its position, so dragging it does not re-render the form. */
export interface NodeView {
  id: string;
  type: string;
  name: string | undefined;
  data: Record<string, unknown>;
}

/**
 * One node of the document, by id. The selector is O(1) per store update in the usual case (the node's index is
 * remembered) and returns the same object while the node's type, name and data are unchanged, so edits to other
 * nodes do not re-render the panel.
 */
export function useNodeView(id: string): NodeView | undefined {
  const hint = useRef<number | undefined>(undefined);
  const last = useRef<NodeView | undefined>(undefined);
  return useDesigner((state) => {
    const index = nodeIndexOf(state.doc.nodes, id, hint.current);
    const node: FlowNode | undefined = index >= 0 ? state.doc.nodes[index] : undefined;
    if (!node) {
      last.current = undefined;
      return undefined;
    }
    hint.current = index;
    const previous = last.current;
    const data = node.data as Record<string, unknown>;
    if (
      previous &&
      previous.type === node.type &&
      previous.name === node.name &&
      (previous.data === data || jsonEqual(previous.data, data))
    ) {
      return previous;
    }
    last.current = { id, type: node.type, name: node.name, data };
    return last.current;
  });
}

/** The current node object, for building changes (`before` values) at the moment of an edit. */
export function currentNode(id: string): FlowNode | undefined {
  const nodes = useDesigner.getState().doc.nodes;
  const index = nodeIndexOf(nodes, id);
  return index >= 0 ? nodes[index] : undefined;
}
