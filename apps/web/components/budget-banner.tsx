"use client";
import type { AppRouter } from "@pixel/api";
import { cn } from "@pixel/ui";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { AlertTriangle, OctagonX, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { formatUsd } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";

type BudgetAlert = inferRouterOutputs<AppRouter>["usage"]["budgetStatus"]["alerts"][number];

function subject(alert: BudgetAlert): string {
  const name = alert.scopeName ? `“${alert.scopeName}”` : "";
  if (alert.scope === "organization") return "The organization's AI budget";
  if (alert.scope === "bot") return `The budget of bot ${name}`.trim();
  return `The budget of key ${name}`.trim();
}

export function budgetSentence(alert: BudgetAlert): string {
  const amounts = `${formatUsd(alert.spentUsd)} of ${formatUsd(alert.limitUsd)} this month`;
  switch (alert.state) {
    case "stopped":
      return `${subject(alert)} is used up (${amounts}). No provider is called: visitors get your unavailable message until next month or a higher limit.`;
    case "over":
      return `${subject(alert)} is exceeded (${amounts}). It has no hard stop, so spending continues.`;
    default:
      return `${subject(alert)} is past its ${alert.softLimitPercent}% soft limit (${amounts}).`;
  }
}

/** Shown above every dashboard page while a budget is past its soft limit (or stopped). */
export function BudgetBanner() {
  const trpc = useTRPC();
  const status = useQuery(trpc.usage.budgetStatus.queryOptions(undefined, { refetchInterval: 60_000, retry: false }));
  const org = useQuery(trpc.organization.current.queryOptions(undefined, { retry: false }));
  const [dismissed, setDismissed] = useState<string | null>(null);
  const alerts = status.data?.alerts ?? [];
  const first = alerts[0];
  // Dismissing hides this exact situation; a new or worse alert shows again.
  const signature = alerts.map((a) => `${a.budgetId}:${a.state}`).join("|");
  if (!first || dismissed === signature) return null;
  const severe = first.state === "stopped" || first.state === "over";
  const canManage = org.data?.role === "owner" || org.data?.role === "admin";
  const Icon = first.state === "stopped" ? OctagonX : AlertTriangle;
  return (
    <div
      role={severe ? "alert" : "status"}
      data-testid="budget-banner"
      className={cn(
        "mb-6 flex items-start gap-3 rounded-xl px-4 py-3 text-sm ring-1 ring-inset",
        severe
          ? "bg-rose-50 text-rose-900 ring-rose-200 dark:bg-rose-950/60 dark:text-rose-100 dark:ring-rose-900"
          : "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950/60 dark:text-amber-100 dark:ring-amber-900",
      )}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        <p>{budgetSentence(first)}</p>
        {alerts.length > 1 ? (
          <p className="mt-0.5 text-xs opacity-80">
            {alerts.length - 1} more budget{alerts.length > 2 ? "s" : ""} past the soft limit.
          </p>
        ) : null}
      </div>
      <Link
        href={canManage ? "/app/providers#budgets" : "/app/usage"}
        className="shrink-0 font-medium underline underline-offset-2"
      >
        {canManage ? "Review budgets" : "View usage"}
      </Link>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => setDismissed(signature)}
        className="-m-1 shrink-0 rounded-md p-1 opacity-70 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-current"
      >
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}
