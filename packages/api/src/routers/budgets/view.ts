import { monthKey } from "@pixel/ai";
import type { Budget, PrismaClient } from "@pixel/db";
import { type BudgetSpend, monthToDateSpend } from "../../services/ai/spend.ts";

/** Budgets with this month's spend, the name of what they cover and where they stand. */
export async function budgetViews(prisma: PrismaClient, organizationId: string, budgets: Budget[], at = new Date()) {
  const spend = await monthToDateSpend(prisma, organizationId, budgets, at);
  const names = await scopeNames(prisma, organizationId, budgets);
  return budgets.map((b) => budgetView(b, spend.get(b.id), names.get(`${b.scope}:${b.scopeId}`) ?? null, at));
}

function budgetView(budget: Budget, spend: BudgetSpend | undefined, scopeName: string | null, at: Date) {
  const limitUsd = Number(budget.monthlyLimitUsd);
  const spentUsd = spend?.spentUsd ?? 0;
  const percent = spend?.percent ?? 0;
  const state =
    spentUsd >= limitUsd ? (budget.hardStop ? "stopped" : "over") : percent >= budget.softLimitPercent ? "soft" : "ok";
  return {
    id: budget.id,
    scope: budget.scope,
    scopeId: budget.scopeId,
    /** Organization name, bot name or key label; null when it no longer exists. */
    scopeName,
    monthlyLimitUsd: limitUsd,
    softLimitPercent: budget.softLimitPercent,
    hardStop: budget.hardStop,
    month: monthKey(at),
    spentUsd,
    percent,
    /** ok | soft (past the alert share) | over (past the limit, no hard stop) | stopped (calls refused). */
    state: state as "ok" | "soft" | "over" | "stopped",
    alertedThisMonth: budget.softAlertedMonth === monthKey(at),
    updatedAt: budget.updatedAt,
  };
}
export type BudgetView = ReturnType<typeof budgetView>;

async function scopeNames(prisma: PrismaClient, organizationId: string, budgets: Budget[]) {
  const names = new Map<string, string>();
  const ids = (scope: Budget["scope"]) => budgets.filter((b) => b.scope === scope).map((b) => b.scopeId);
  const [organization, bots, keys] = await Promise.all([
    ids("organization").length
      ? prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true } })
      : null,
    ids("bot").length
      ? prisma.bot.findMany({ where: { organizationId, id: { in: ids("bot") } }, select: { id: true, name: true } })
      : [],
    ids("provider_key").length
      ? prisma.providerKey.findMany({
          where: { organizationId, id: { in: ids("provider_key") } },
          select: { id: true, label: true },
        })
      : [],
  ]);
  if (organization) names.set(`organization:${organization.id}`, organization.name);
  for (const bot of bots) names.set(`bot:${bot.id}`, bot.name);
  for (const key of keys) names.set(`provider_key:${key.id}`, key.label);
  return names;
}
