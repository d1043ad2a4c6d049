import { TRPCError } from "@trpc/server";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { ListVersionsInput } from "./list.schema.ts";

export async function listVersionsHandler({ ctx, input }: HandlerArgs<OrganizationContext, ListVersionsInput>) {
  const bot = await ctx.prisma.bot.findFirst({
    where: { id: input.botId, organizationId: ctx.organizationId, deletedAt: null },
    select: { id: true },
  });
  if (!bot) throw new TRPCError({ code: "NOT_FOUND", message: "Bot not found." });
  const rows = await ctx.prisma.flowVersion.findMany({
    where: { botId: bot.id, organizationId: ctx.organizationId },
    orderBy: { number: "desc" },
    take: 200,
    select: {
      id: true,
      number: true,
      note: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
      _count: { select: { deployments: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, deploymentCount: _count.deployments }));
}
