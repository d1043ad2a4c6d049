import { monthKey } from "@pixel/ai";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { budgetViews } from "../budgets/view.ts";

/** Budgets past their soft limit this month, for the dashboard's banner (every member sees it). */
export async function budgetStatusHandler({ ctx }: HandlerArgs<OrganizationContext>) {
  const now = new Date();
  const budgets = await ctx.prisma.budget.findMany({ where: { organizationId: ctx.organizationId } });
  const views = await budgetViews(ctx.prisma, ctx.organizationId, budgets, now);
  const alerts = views
    .filter((b) => b.state !== "ok")
    .sort((a, b) => b.percent - a.percent)
    .map((b) => ({
      budgetId: b.id,
      scope: b.scope,
      scopeId: b.scopeId,
      scopeName: b.scopeName,
      spentUsd: b.spentUsd,
      limitUsd: b.monthlyLimitUsd,
      percent: b.percent,
      softLimitPercent: b.softLimitPercent,
      hardStop: b.hardStop,
      state: b.state,
    }));
  return { month: monthKey(now), alerts, stopped: alerts.some((a) => a.state === "stopped") };
}
