import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { RenameBotInput } from "./rename.schema.ts";
import { findBot, loadBotSummary } from "./summary.ts";

/** Changes the name (and description); the draft and its revision are untouched. */
export async function renameBotHandler({ ctx, input }: HandlerArgs<OrganizationContext, RenameBotInput>) {
  const bot = await findBot(ctx, input.botId);
  const description = input.description === undefined ? bot.description : input.description || null;
  if (bot.name === input.name && bot.description === description) {
    return loadBotSummary(ctx.prisma, ctx.organizationId, bot.id);
  }
  return ctx.prisma.$transaction(async (tx) => {
    await tx.bot.update({
      where: { id: bot.id },
      data: { name: input.name, description, updatedById: ctx.actor.userId },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "bot.renamed",
      targetType: "bot",
      targetId: bot.id,
      metadata: { name: input.name, from: bot.name },
      ip: ctx.ip,
    });
    return loadBotSummary(tx, ctx.organizationId, bot.id);
  });
}
