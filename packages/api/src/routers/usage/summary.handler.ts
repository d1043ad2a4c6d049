import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { add, botNames, eachDay, emptyTotals, type UsageTotals, usageRows } from "./aggregate.ts";
import type { UsageRangeInput } from "./range.schema.ts";

function grouped<T extends UsageTotals>(map: Map<string, T>): T[] {
  return [...map.values()].sort((a, b) => b.costUsd - a.costUsd || b.calls - a.calls);
}

/** Totals and the series the usage page charts: by day, provider, model and bot. */
export async function usageSummaryHandler({ ctx, input }: HandlerArgs<OrganizationContext, UsageRangeInput>) {
  const { from, to, rows } = await usageRows(ctx.prisma, ctx.organizationId, input);
  const nameOf = await botNames(
    ctx.prisma,
    ctx.organizationId,
    rows.map((r) => r.botId),
  );
  const totals = emptyTotals();
  const byDay = new Map(eachDay(from, to).map((day) => [day, { day, ...emptyTotals() }]));
  const byProvider = new Map<string, { provider: string } & UsageTotals>();
  const byModel = new Map<string, { provider: string; model: string } & UsageTotals>();
  const byBot = new Map<string, { botId: string | null; botName: string } & UsageTotals>();
  for (const row of rows) {
    add(totals, row);
    const day = byDay.get(row.day);
    if (day) add(day, row);
    const provider = byProvider.get(row.provider) ?? { provider: row.provider, ...emptyTotals() };
    add(provider, row);
    byProvider.set(row.provider, provider);
    const modelKey = `${row.provider}:${row.model}`;
    const model = byModel.get(modelKey) ?? { provider: row.provider, model: row.model, ...emptyTotals() };
    add(model, row);
    byModel.set(modelKey, model);
    const bot = byBot.get(row.botId) ?? { botId: row.botId || null, botName: nameOf(row.botId), ...emptyTotals() };
    add(bot, row);
    byBot.set(row.botId, bot);
  }
  return {
    from: from.toISOString().slice(0, 10),
    to: to.toISOString().slice(0, 10),
    totals,
    byDay: [...byDay.values()],
    byProvider: grouped(byProvider),
    byModel: grouped(byModel),
    byBot: grouped(byBot),
  };
}
