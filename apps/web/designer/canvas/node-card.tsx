"use client";
import { type FlowNode, nodeDefinition, nodeForm } from "@pixel/flow";
import { cn } from "@pixel/ui";
import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { AlertTriangle, CircleAlert } from "lucide-react";
import { memo } from "react";
import { ACCENTS, nodeIcon } from "./node-icons.ts";

export interface NodeCardData extends Record<string, unknown> {
  node: FlowNode;
  issue: "error" | "warning" | null;
  active: boolean;
}
export type NodeCardNode = Node<NodeCardData, "pixel">;

/** One card for every node type: its icon, name, content at a glance and one output handle per branch. */
function NodeCardView({ data, selected }: NodeProps<NodeCardNode>) {
  const { node, issue, active } = data;
  const definition = nodeDefinition(node.type);
  const form = nodeForm(node.type);
  const accent = ACCENTS[form?.color ?? "slate"] ?? ACCENTS.slate;
  const Icon = nodeIcon(form?.icon);
  const outputs = safe(() => definition?.outputs(node.data) ?? [], []);
  const lines = safe(() => form?.summary(node.data as never) ?? [], []);
  return (
    <div
      data-testid={`node-${node.id}`}
      data-node-type={node.type}
      className={cn(
        "relative w-60 rounded-xl border bg-white text-left shadow-sm dark:bg-slate-900",
        selected ? "border-indigo-500 ring-2 ring-indigo-500/40" : "border-slate-200 dark:border-slate-700",
        active && "ring-4 ring-emerald-400/70",
      )}
    >
      <div className={cn("absolute inset-x-0 top-0 h-1 rounded-t-xl", accent?.bar)} />
      {node.type !== "start" ? (
        <Handle type="target" position={Position.Left} id="in" className="!size-3 !border-2 !bg-white" />
      ) : null}
      <div className="flex items-center gap-2 px-3 pt-3">
        <span className={cn("grid size-7 place-items-center rounded-lg", accent?.chip)}>
          <Icon className={cn("size-4", accent?.icon)} aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <div className="truncate text-sm font-semibold text-slate-900 dark:text-slate-100">
            {node.name || definition?.label || node.type}
          </div>
          <div className="truncate text-[11px] text-slate-500">{definition?.label ?? node.type}</div>
        </div>
        {issue === "error" ? (
          <CircleAlert className="size-4 shrink-0 text-rose-500" aria-label="Has errors" />
        ) : issue === "warning" ? (
          <AlertTriangle className="size-4 shrink-0 text-amber-500" aria-label="Has warnings" />
        ) : null}
      </div>
      <div className="space-y-0.5 px-3 pt-1.5 pb-2.5">
        {lines.slice(0, 3).map((line) => (
          <p key={line} className="line-clamp-2 text-xs text-slate-600 dark:text-slate-400">
            {line}
          </p>
        ))}
      </div>
      {outputs.length ? (
        <div className="border-t border-slate-100 py-1 dark:border-slate-800">
          {outputs.map((output) => (
            <div key={output.id} className="relative flex h-6 items-center justify-end pr-4 pl-3">
              <span className="truncate text-[11px] text-slate-500" title={output.label}>
                {output.label}
              </span>
              <Handle
                type="source"
                position={Position.Right}
                id={output.id}
                className="!size-3 !border-2 !bg-indigo-500"
                aria-label={`Output ${output.label}`}
              />
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export const NodeCard = memo(NodeCardView);
