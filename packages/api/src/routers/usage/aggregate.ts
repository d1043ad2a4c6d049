import type { PrismaClient } from "@pixel/db";
import { addDays, dayKey, utcDay } from "../../services/ai/dates.ts";
import { usd } from "../../services/ai/spend.ts";
import type { UsageRangeInput } from "./range.schema.ts";

export interface UsageTotals {
  calls: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
}

export interface UsageRow extends UsageTotals {
  day: string;
  provider: string;
  model: string;
  /** "" = no bot. */
  botId: string;
}

/** The organization's daily aggregates in the range, one row per day × provider × model × bot. */
export async function usageRows(prisma: PrismaClient, organizationId: string, range: UsageRangeInput) {
  const from = utcDay(range.from);
  const to = utcDay(range.to);
  const groups = await prisma.usageDaily.groupBy({
    by: ["day", "provider", "model", "botId"],
    where: { organizationId, day: { gte: from, lte: to } },
    _sum: { calls: true, tokensIn: true, tokensOut: true, costUsd: true },
    orderBy: [{ day: "asc" }, { provider: "asc" }, { model: "asc" }, { botId: "asc" }],
  });
  const rows: UsageRow[] = groups.map((g) => ({
    day: dayKey(g.day),
    provider: g.provider,
    model: g.model,
    botId: g.botId,
    calls: g._sum.calls ?? 0,
    tokensIn: Number(g._sum.tokensIn ?? 0),
    tokensOut: Number(g._sum.tokensOut ?? 0),
    costUsd: Number(g._sum.costUsd ?? 0),
  }));
  return { from, to, rows };
}

/** Bot names of the organization for the ids in use; "" is "No bot", an unknown id "Deleted bot". */
export async function botNames(prisma: PrismaClient, organizationId: string, botIds: string[]) {
  const ids = [...new Set(botIds.filter(Boolean))];
  const bots = ids.length
    ? await prisma.bot.findMany({ where: { organizationId, id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const names = new Map(bots.map((b) => [b.id, b.name]));
  return (botId: string) => (botId ? (names.get(botId) ?? "Deleted bot") : "No bot");
}

export function emptyTotals(): UsageTotals {
  return { calls: 0, tokensIn: 0, tokensOut: 0, costUsd: 0 };
}

export function add(into: UsageTotals, row: UsageTotals): void {
  into.calls += row.calls;
  into.tokensIn += row.tokensIn;
  into.tokensOut += row.tokensOut;
  into.costUsd = usd(into.costUsd + row.costUsd);
}

/** Every day of the range, in order (charts need the empty days too). */
export function eachDay(from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let d = from; d.getTime() <= to.getTime(); d = addDays(d, 1)) days.push(dayKey(d));
  return days;
}
