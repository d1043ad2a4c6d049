"use client";
import { Badge, cn } from "@pixel/ui";
import { aiTotals, formatUsd, formatValue, type TraceState } from "./trace-state.ts";

const STATUS_TEXT: Record<string, string> = {
  new: "Not started",
  waiting: "Waiting for the user",
  handoff: "Handed to a person",
  ended: "Ended",
};

const heading = "mb-1.5 text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400";

/** What the preview's engine did: the path through the flow, the variables it holds, what the AI used. */
export function TraceView({
  trace,
  nodeName,
  nodeExists,
  onFocusNode,
}: {
  trace: TraceState;
  nodeName(nodeId: string): string;
  nodeExists(nodeId: string): boolean;
  onFocusNode(nodeId: string): void;
}) {
  const vars = Object.entries(trace.vars).sort(([a], [b]) => a.localeCompare(b));
  const totals = aiTotals(trace.aiSteps);
  return (
    <div className="space-y-4 p-3 text-xs" data-testid="preview-trace">
      {trace.status ? (
        <p className="text-slate-600 dark:text-slate-300">
          {STATUS_TEXT[trace.status] ?? trace.status}
          {trace.waitingNodeId ? ` at “${nodeName(trace.waitingNodeId)}”` : ""}
        </p>
      ) : null}

      <section aria-label="Path">
        <h3 className={heading}>Path</h3>
        {trace.path.length === 0 ? (
          <p className="text-slate-500 dark:text-slate-400">No node has run yet.</p>
        ) : (
          <ol className="flex flex-wrap items-center gap-1">
            {trace.path.map((nodeId, index) => {
              const last = index === trace.path.length - 1;
              const exists = nodeExists(nodeId);
              return (
                // The path may visit a node more than once: the position is part of the key.
                // biome-ignore lint/suspicious/noArrayIndexKey: the path is append-only per turn
                <li key={`${index}-${nodeId}`} className="flex items-center gap-1">
                  <button
                    type="button"
                    disabled={!exists}
                    onClick={() => onFocusNode(nodeId)}
                    aria-current={last ? "step" : undefined}
                    title={exists ? `Show “${nodeName(nodeId)}” on the canvas` : "This node is no longer in the flow"}
                    className={cn(
                      "max-w-[10rem] truncate rounded-full px-2 py-0.5 font-medium ring-1 ring-inset",
                      "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500",
                      last
                        ? "bg-indigo-600 text-white ring-indigo-600 dark:bg-indigo-500 dark:ring-indigo-500"
                        : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-700",
                      !exists && "cursor-not-allowed line-through opacity-60",
                    )}
                  >
                    {nodeName(nodeId)}
                  </button>
                  {last ? null : (
                    <span aria-hidden className="text-slate-400">
                      →
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-label="Variables">
        <h3 className={heading}>Variables</h3>
        {vars.length === 0 ? (
          <p className="text-slate-500 dark:text-slate-400">No variables set.</p>
        ) : (
          <table className="w-full table-fixed border-collapse">
            <thead className="sr-only">
              <tr>
                <th scope="col">Variable</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {vars.map(([key, value]) => (
                <tr key={key} className="border-t border-slate-100 first:border-t-0 dark:border-slate-800">
                  <th
                    scope="row"
                    className="w-2/5 truncate py-1 pr-2 text-left font-mono font-normal text-slate-600 dark:text-slate-300"
                  >
                    {key}
                  </th>
                  <td className="truncate py-1 font-mono" title={formatValue(value, 2000)}>
                    {formatValue(value)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-label="AI steps">
        <h3 className={heading}>AI steps</h3>
        {trace.aiSteps.length === 0 ? (
          <p className="text-slate-500 dark:text-slate-400">No AI calls yet.</p>
        ) : (
          <table className="w-full border-collapse text-left">
            <thead className="text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Node / model
                </th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">
                  In / out
                </th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">
                  Cost
                </th>
                <th scope="col" className="py-1 font-medium">
                  <span className="sr-only">Status</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {trace.aiSteps.map((step) => (
                <tr key={step.seq} className="border-t border-slate-100 align-top dark:border-slate-800">
                  <td className="max-w-0 py-1 pr-2">
                    <button
                      type="button"
                      disabled={!nodeExists(step.nodeId)}
                      onClick={() => onFocusNode(step.nodeId)}
                      className="block max-w-full truncate text-left font-medium text-indigo-700 hover:underline disabled:text-slate-500 disabled:no-underline dark:text-indigo-300"
                    >
                      {nodeName(step.nodeId)}
                    </button>
                    <span className="block truncate font-mono text-slate-500 dark:text-slate-400">
                      {step.provider ? `${step.provider}:` : ""}
                      {step.model}
                    </span>
                  </td>
                  <td className="py-1 pr-2 text-right tabular-nums">
                    {step.tokensIn.toLocaleString("en")} / {step.tokensOut.toLocaleString("en")}
                  </td>
                  <td className="py-1 pr-2 text-right font-mono tabular-nums">{formatUsd(step.costUsd)}</td>
                  <td className="py-1">
                    <Badge tone={step.status === "complete" ? "green" : "amber"}>{step.status}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t border-slate-200 font-semibold dark:border-slate-700">
                <th scope="row" className="py-1 pr-2 text-left">
                  Total
                </th>
                <td className="py-1 pr-2 text-right tabular-nums">
                  {totals.tokensIn.toLocaleString("en")} / {totals.tokensOut.toLocaleString("en")}
                </td>
                <td className="py-1 pr-2 text-right font-mono tabular-nums">{formatUsd(totals.costUsd)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        )}
      </section>

      {trace.webhooks.length > 0 ? (
        <section aria-label="Webhooks">
          <h3 className={heading}>Webhooks</h3>
          <ul className="space-y-1">
            {trace.webhooks.map((hook) => (
              <li key={hook.seq} className="flex items-center gap-2">
                <Badge tone={hook.ok ? "green" : "red"}>{hook.ok ? "OK" : "Failed"}</Badge>
                <span className="truncate">
                  {nodeName(hook.nodeId)}
                  {hook.status !== undefined ? ` · HTTP ${hook.status}` : ""}
                  {hook.error ? ` · ${hook.error}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
