import type { Prisma } from "@pixel/db";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { ListBotsInput } from "./list.schema.ts";
import { botSummaries, botSummarySelect } from "./summary.ts";

/** Prisma's `contains` passes LIKE wildcards through; a search for "100%" means the text "100%". */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Live bots of the organization, most recently edited first, a page at a time. */
export async function listBotsHandler({ ctx, input }: HandlerArgs<OrganizationContext, ListBotsInput>) {
  const search = input.search ? literal(input.search.trim()) : "";
  if (input.cursor) {
    // A cursor is a bot of this organization; anything else (another organization's id) ends the list.
    const known = await ctx.prisma.bot.findFirst({
      where: { id: input.cursor, organizationId: ctx.organizationId },
      select: { id: true },
    });
    if (!known) return { items: [], nextCursor: null };
  }
  const where: Prisma.BotWhereInput = {
    organizationId: ctx.organizationId,
    deletedAt: null,
    ...(search
      ? {
          OR: [
            { name: { contains: search, mode: "insensitive" } },
            { description: { contains: search, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const rows = await ctx.prisma.bot.findMany({
    where,
    select: botSummarySelect,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return {
    items: await botSummaries(ctx.prisma, ctx.organizationId, page),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
