import type { Prisma } from "@pixel/db";
import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { DuplicateBotInput } from "./duplicate.schema.ts";
import { BOT_NAME_MAX, findBot, loadBotSummary } from "./summary.ts";

const COPY_SUFFIX = " (copy)";

export function copyName(name: string): string {
  return `${name.slice(0, BOT_NAME_MAX - COPY_SUFFIX.length).trimEnd()}${COPY_SUFFIX}`;
}

/** A new bot with a copy of the draft (and settings); versions and deployments stay with the original. */
export async function duplicateBotHandler({ ctx, input }: HandlerArgs<OrganizationContext, DuplicateBotInput>) {
  const source = await findBot(ctx, input.botId);
  const name = input.name ?? copyName(source.name);
  return ctx.prisma.$transaction(async (tx) => {
    const bot = await tx.bot.create({
      data: {
        organizationId: ctx.organizationId,
        templateId: source.templateId,
        name,
        description: source.description,
        draftFlow: source.draftFlow as Prisma.InputJsonValue,
        draftRevision: 0,
        settings: source.settings as Prisma.InputJsonValue,
        updatedById: ctx.actor.userId,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "bot.duplicated",
      targetType: "bot",
      targetId: bot.id,
      metadata: { name, fromBotId: source.id, fromName: source.name },
      ip: ctx.ip,
    });
    return loadBotSummary(tx, ctx.organizationId, bot.id);
  });
}
