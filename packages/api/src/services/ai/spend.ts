import type { Budget, BudgetScope, PrismaClient } from "@pixel/db";
import { monthBounds } from "./dates.ts";

export interface BudgetSpend {
  spentUsd: number;
  limitUsd: number;
  /** Share of the limit spent, in percent (0–∞), one decimal. */
  percent: number;
}

/** Rounds to the cent-of-a-cent precision the columns keep. */
export function usd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Month-to-date spend (UTC month of `at`) of each budget's scope, from UsageDaily: the whole
 * organization, one bot, or one key. One grouped query whatever the number of budgets.
 */
export async function monthToDateSpend(
  prisma: PrismaClient,
  organizationId: string,
  budgets: Pick<Budget, "id" | "scope" | "scopeId" | "monthlyLimitUsd">[],
  at: Date,
): Promise<Map<string, BudgetSpend>> {
  const result = new Map<string, BudgetSpend>();
  if (budgets.length === 0) return result;
  const { start, end } = monthBounds(at);
  const groups = await prisma.usageDaily.groupBy({
    by: ["botId", "providerKeyId"],
    where: { organizationId, day: { gte: start, lt: end } },
    _sum: { costUsd: true },
  });
  const total = { organization: 0, bot: new Map<string, number>(), provider_key: new Map<string, number>() };
  for (const group of groups) {
    const value = Number(group._sum.costUsd ?? 0);
    total.organization += value;
    total.bot.set(group.botId, (total.bot.get(group.botId) ?? 0) + value);
    total.provider_key.set(group.providerKeyId, (total.provider_key.get(group.providerKeyId) ?? 0) + value);
  }
  for (const budget of budgets) {
    const spent = spentFor(total, budget.scope, budget.scopeId);
    const limit = Number(budget.monthlyLimitUsd);
    result.set(budget.id, {
      spentUsd: usd(spent),
      limitUsd: limit,
      percent: limit > 0 ? Math.round((spent / limit) * 1000) / 10 : 0,
    });
  }
  return result;
}

function spentFor(
  total: { organization: number; bot: Map<string, number>; provider_key: Map<string, number> },
  scope: BudgetScope,
  scopeId: string,
): number {
  if (scope === "organization") return total.organization;
  return total[scope].get(scopeId) ?? 0;
}
