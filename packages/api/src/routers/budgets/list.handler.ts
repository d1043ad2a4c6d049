import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { budgetViews } from "./view.ts";

export async function listBudgetsHandler({ ctx }: HandlerArgs<OrganizationContext>) {
  const budgets = await ctx.prisma.budget.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: [{ scope: "asc" }, { createdAt: "asc" }],
  });
  return budgetViews(ctx.prisma, ctx.organizationId, budgets);
}
