import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { DeleteBotInput } from "./delete.schema.ts";
import { findBot } from "./summary.ts";

/** Soft delete: the row (with its versions and history) stays, but the bot is gone from every list and lookup. */
export async function deleteBotHandler({ ctx, input }: HandlerArgs<OrganizationContext, DeleteBotInput>) {
  const bot = await findBot(ctx, input.botId);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.bot.update({ where: { id: bot.id }, data: { deletedAt: new Date(), updatedById: ctx.actor.userId } });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "bot.deleted",
      targetType: "bot",
      targetId: bot.id,
      metadata: { name: bot.name },
      ip: ctx.ip,
    });
  });
  return { deleted: bot.id };
}
