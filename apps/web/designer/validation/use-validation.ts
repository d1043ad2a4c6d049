"use client";
import { type FlowIssue, type FlowValidation, validateFlow } from "@pixel/flow";
import { useEffect, useState } from "react";
import { useDesigner } from "../store/designer-store.ts";

const EMPTY: FlowValidation = { errors: [], warnings: [] };
const DEBOUNCE_MS = 250;

/** The draft's errors and warnings, recomputed shortly after edits (off the typing path). */
export function useValidation(): FlowValidation {
  const doc = useDesigner((s) => s.doc);
  const [result, setResult] = useState<FlowValidation>(EMPTY);
  useEffect(() => {
    const timer = setTimeout(() => setResult(validateFlow(doc)), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [doc]);
  return result;
}

/** The worst issue of each node, for the badge on its card. */
export function issuesByNode(validation: FlowValidation): Map<string, "error" | "warning"> {
  const map = new Map<string, "error" | "warning">();
  const mark = (issue: FlowIssue) => {
    for (const id of issue.nodeIds ?? (issue.nodeId ? [issue.nodeId] : [])) {
      if (map.get(id) !== "error") map.set(id, issue.severity);
    }
  };
  validation.warnings.forEach(mark);
  validation.errors.forEach(mark);
  return map;
}
