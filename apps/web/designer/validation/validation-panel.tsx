"use client";
import type { FlowDocument, FlowIssue } from "@pixel/flow";
import { cn } from "@pixel/ui";
import { AlertTriangle, CheckCircle2, CircleAlert } from "lucide-react";
import { type KeyboardEvent, useMemo, useRef } from "react";
import { nodeTitle } from "../panels/node-lookup.ts";
import { useDesigner } from "../store/designer-store.ts";
import { useValidation } from "./use-validation.ts";

/** The node an issue is about: its node, the first of its nodes, or the source of its edge. */
export function issueNodeId(issue: FlowIssue, doc: Pick<FlowDocument, "edges">): string | null {
  if (issue.nodeId) return issue.nodeId;
  if (issue.nodeIds?.length) return issue.nodeIds[0] ?? null;
  if (issue.edgeId) return doc.edges.find((e) => e.id === issue.edgeId)?.source ?? null;
  return null;
}

/** Selects the node, brings it into view and moves the keyboard focus to its card on the canvas. */
function focusOnCanvas(nodeId: string) {
  useDesigner.getState().focusNode(nodeId);
  // The card may only be rendered once the canvas has scrolled to it (it renders visible nodes only).
  const selector = `.react-flow__node[data-id="${CSS.escape(nodeId)}"]`;
  const attempt = (left: number) => {
    const card = document.querySelector<HTMLElement>(selector);
    if (card) card.focus({ preventScroll: true });
    else if (left > 0) setTimeout(() => attempt(left - 1), 120);
  };
  requestAnimationFrame(() => attempt(4));
}

/** The flow's errors and warnings; each names its node, and choosing it shows the node. */
export function ValidationPanel() {
  const validation = useValidation();
  // useValidation starts empty and checks after a short delay: until then, say so rather than "No problems".
  const initial = useRef(validation);
  const checking = validation === initial.current;
  const doc = useDesigner((s) => s.doc);
  const byId = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n])), [doc.nodes]);
  const list = useRef<HTMLUListElement>(null);
  const { errors, warnings } = validation;

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    if (!buttons.length) return;
    event.preventDefault();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? buttons.length - 1
          : Math.min(buttons.length - 1, Math.max(0, at + (event.key === "ArrowDown" ? 1 : -1)));
    buttons[next]?.focus();
  };

  if (checking) return <p className="p-4 text-sm text-slate-500">Checking the flow…</p>;

  if (!errors.length && !warnings.length) {
    return (
      <div
        role="status"
        className="flex items-center gap-2 p-4 text-sm font-medium text-emerald-700 dark:text-emerald-400"
      >
        <CheckCircle2 className="size-4" aria-hidden />
        No problems found
      </div>
    );
  }

  return (
    <div className="space-y-3 p-4">
      <p role="status" className="text-sm font-medium">
        <span className={errors.length ? "text-rose-700 dark:text-rose-400" : undefined}>
          {`${errors.length} ${errors.length === 1 ? "error" : "errors"}`}
        </span>
        {", "}
        <span className={warnings.length ? "text-amber-700 dark:text-amber-400" : undefined}>
          {`${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"}`}
        </span>
      </p>
      {errors.length ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">Errors must be fixed before publishing.</p>
      ) : null}
      <ul ref={list} className="space-y-1.5" aria-label="Problems" onKeyDown={onKeyDown}>
        {[...errors, ...warnings].map((issue, index) => {
          const nodeId = issueNodeId(issue, doc);
          const node = nodeId ? byId.get(nodeId) : undefined;
          const more = (issue.nodeIds?.length ?? 0) > 1 ? ` and ${(issue.nodeIds?.length ?? 1) - 1} more` : "";
          const Icon = issue.severity === "error" ? CircleAlert : AlertTriangle;
          const body = (
            <>
              <Icon
                className={cn(
                  "mt-0.5 size-4 shrink-0",
                  issue.severity === "error" ? "text-rose-500" : "text-amber-500",
                )}
                aria-label={issue.severity === "error" ? "Error" : "Warning"}
              />
              <span className="min-w-0">
                <span className="block text-xs text-slate-800 dark:text-slate-200">{issue.message}</span>
                {node ? (
                  <span className="mt-0.5 block truncate text-[11px] text-slate-500">
                    {nodeTitle(node)}
                    {more}
                  </span>
                ) : null}
              </span>
            </>
          );
          return (
            // Issues have no id; their order is stable for a given document.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={`${index}:${issue.code}`}>
              {node ? (
                <button
                  type="button"
                  onClick={() => focusOnCanvas(node.id)}
                  className="flex w-full items-start gap-2 rounded-lg p-2 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800"
                >
                  {body}
                </button>
              ) : (
                <div className="flex items-start gap-2 p-2">{body}</div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
