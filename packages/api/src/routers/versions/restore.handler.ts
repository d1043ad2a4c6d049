import type { Prisma } from "@pixel/db";
import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { lockBot, readDraft } from "../flowDraft/load-draft.ts";
import { findVersion } from "./get.handler.ts";
import type { VersionIdInput } from "./list.schema.ts";

/** Rollback: the version becomes the draft (a new draft revision, so open designers pick it up). */
export async function restoreHandler({ ctx, input }: HandlerArgs<OrganizationContext, VersionIdInput>) {
  const version = await findVersion(ctx, input.versionId);
  return ctx.prisma.$transaction(async (tx) => {
    const bot = await lockBot(tx, ctx.organizationId, version.botId);
    const updated = await tx.bot.update({
      where: { id: bot.id },
      data: {
        draftFlow: readDraft(version.flow) as unknown as Prisma.InputJsonValue,
        draftRevision: { increment: 1 },
        updatedById: ctx.actor.userId,
      },
      select: { draftRevision: true },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "flow.restored",
      targetType: "bot",
      targetId: bot.id,
      metadata: { botName: bot.name, number: version.number },
      ip: ctx.ip,
    });
    return { revision: updated.draftRevision };
  });
}
