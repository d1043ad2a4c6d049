import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import { forgetAiSettings } from "../../services/ai/runtime.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { DeleteBudgetInput } from "./delete.schema.ts";

export async function deleteBudgetHandler({ ctx, input }: HandlerArgs<OrganizationContext, DeleteBudgetInput>) {
  const budget = await ctx.prisma.budget.findFirst({
    where: { id: input.budgetId, organizationId: ctx.organizationId },
  });
  if (!budget) throw new TRPCError({ code: "NOT_FOUND", message: "No such budget in this organization." });
  await ctx.prisma.$transaction(async (tx) => {
    await tx.budget.delete({ where: { id: budget.id } });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "budget.deleted",
      targetType: "budget",
      targetId: budget.id,
      metadata: { scope: budget.scope, scopeId: budget.scopeId, monthlyLimitUsd: Number(budget.monthlyLimitUsd) },
      ip: ctx.ip,
    });
  });
  forgetAiSettings(ctx.prisma, ctx.organizationId);
  return { deleted: budget.id };
}
