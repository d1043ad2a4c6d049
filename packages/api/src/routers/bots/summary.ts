import { Prisma, type PrismaClient } from "@pixel/db";
import { TRPCError } from "@trpc/server";
import type { OrganizationContext } from "../../trpc/types.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export const BOT_NAME_MAX = 80;
export const BOT_DESCRIPTION_MAX = 500;

/** What the list and the page header show of a bot; never the flow itself. */
export const botSummarySelect = {
  id: true,
  name: true,
  description: true,
  updatedAt: true,
  draftRevision: true,
  updatedBy: { select: { name: true, email: true } },
  versions: { select: { number: true }, orderBy: { number: "desc" }, take: 1 },
  _count: { select: { deployments: true } },
} satisfies Prisma.BotSelect;

type SummaryRow = Prisma.BotGetPayload<{ select: typeof botSummarySelect }>;

/**
 * Nodes in each bot's draft, counted in the database so the (possibly large) documents are not loaded
 * for a list. Only bots of `organizationId` are counted.
 */
async function nodeCounts(db: Db, organizationId: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; nodeCount: number }[]>`
    SELECT id,
      CASE WHEN jsonb_typeof("draftFlow" -> 'nodes') = 'array' THEN jsonb_array_length("draftFlow" -> 'nodes') ELSE 0 END
        AS "nodeCount"
    FROM "Bot"
    WHERE "organizationId" = ${organizationId} AND id IN (${Prisma.join(ids)})`;
  return new Map(rows.map((r) => [r.id, Number(r.nodeCount)]));
}

function toSummary(row: SummaryRow, nodeCount: number) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy ? { name: row.updatedBy.name, email: row.updatedBy.email } : null,
    nodeCount,
    /** The newest published version's number; null when the bot was never published. */
    latestVersion: row.versions[0]?.number ?? null,
    deploymentCount: row._count.deployments,
  };
}
export type BotSummary = ReturnType<typeof toSummary>;

export async function botSummaries(db: Db, organizationId: string, rows: SummaryRow[]): Promise<BotSummary[]> {
  const counts = await nodeCounts(
    db,
    organizationId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSummary(r, counts.get(r.id) ?? 0));
}

/** One live bot of the caller's organization with its draft revision, or NOT_FOUND (also for another organization's id). */
export async function loadBotSummary(db: Db, organizationId: string, botId: string) {
  const row = await db.bot.findFirst({
    where: { id: botId, organizationId, deletedAt: null },
    select: botSummarySelect,
  });
  if (!row) throw notFound();
  const [summary] = await botSummaries(db, organizationId, [row]);
  return { ...(summary as BotSummary), draftRevision: row.draftRevision };
}

/** A live (not deleted) bot of the caller's organization, or NOT_FOUND. */
export async function findBot(ctx: OrganizationContext, botId: string) {
  const bot = await ctx.prisma.bot.findFirst({
    where: { id: botId, organizationId: ctx.organizationId, deletedAt: null },
  });
  if (!bot) throw notFound();
  return bot;
}

export function notFound() {
  return new TRPCError({ code: "NOT_FOUND", message: "Bot not found." });
}
