import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import { forgetAiSettings } from "../../services/ai/runtime.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { UpsertBudgetInput } from "./upsert.schema.ts";
import { budgetViews } from "./view.ts";

/** Does the scope's id name this organization, one of its bots, or one of its keys? */
async function scopeExists(ctx: OrganizationContext, input: UpsertBudgetInput): Promise<boolean> {
  const where = { id: input.scopeId, organizationId: ctx.organizationId };
  switch (input.scope) {
    case "organization":
      return input.scopeId === ctx.organizationId;
    case "bot":
      return Boolean(await ctx.prisma.bot.findFirst({ where: { ...where, deletedAt: null }, select: { id: true } }));
    case "provider_key":
      return Boolean(await ctx.prisma.providerKey.findFirst({ where, select: { id: true } }));
  }
}

const SCOPE_WORDS = { organization: "organization", bot: "bot", provider_key: "provider key" } as const;

export async function upsertBudgetHandler({ ctx, input }: HandlerArgs<OrganizationContext, UpsertBudgetInput>) {
  if (!(await scopeExists(ctx, input))) {
    throw new TRPCError({ code: "NOT_FOUND", message: `No such ${SCOPE_WORDS[input.scope]} in this organization.` });
  }
  const unique = { organizationId: ctx.organizationId, scope: input.scope, scopeId: input.scopeId };
  const values = {
    // The column keeps 4 decimals.
    monthlyLimitUsd: Math.round(input.monthlyLimitUsd * 10_000) / 10_000,
    softLimitPercent: input.softLimitPercent,
    hardStop: input.hardStop,
  };
  const budget = await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.budget.findUnique({ where: { organizationId_scope_scopeId: unique } });
    // A new limit or share may be crossed again this month: the alert is armed again.
    const rearm =
      before &&
      (Number(before.monthlyLimitUsd) !== values.monthlyLimitUsd || before.softLimitPercent !== input.softLimitPercent);
    const saved = await tx.budget.upsert({
      where: { organizationId_scope_scopeId: unique },
      create: { ...unique, ...values },
      update: { ...values, ...(rearm ? { softAlertedMonth: null } : {}) },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: before ? "budget.updated" : "budget.created",
      targetType: "budget",
      targetId: saved.id,
      metadata: { scope: input.scope, scopeId: input.scopeId, ...values },
      ip: ctx.ip,
    });
    return saved;
  });
  forgetAiSettings(ctx.prisma, ctx.organizationId);
  const [view] = await budgetViews(ctx.prisma, ctx.organizationId, [budget]);
  if (!view) throw new Error("the saved budget has no view");
  return view;
}
