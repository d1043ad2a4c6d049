import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { ListDeploymentsInput } from "./list.schema.ts";
import { deploymentSummarySelect, toSummary } from "./shared.ts";

/** A generous cap: organizations have a handful of deployments per bot, not thousands. */
const LIST_LIMIT = 500;

/** Deployments of the organization (of live bots), most recently changed first. */
export async function listDeploymentsHandler({ ctx, input }: HandlerArgs<OrganizationContext, ListDeploymentsInput>) {
  const rows = await ctx.prisma.deployment.findMany({
    where: {
      organizationId: ctx.organizationId,
      bot: { deletedAt: null },
      ...(input.botId ? { botId: input.botId } : {}),
    },
    select: deploymentSummarySelect,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
  });
  return rows.map(toSummary);
}
