import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { lockBot, readDraft } from "../flowDraft/load-draft.ts";
import { createVersion } from "./create-version.ts";
import { findVersion } from "./get.handler.ts";
import type { RepublishInput } from "./publish.schema.ts";

/** Rollback of what is live: an old version published again as the newest, the draft untouched. */
export async function republishHandler({ ctx, input }: HandlerArgs<OrganizationContext, RepublishInput>) {
  const source = await findVersion(ctx, input.versionId);
  return ctx.prisma.$transaction(async (tx) => {
    const bot = await lockBot(tx, ctx.organizationId, source.botId);
    const version = await createVersion(tx, {
      organizationId: ctx.organizationId,
      botId: bot.id,
      flow: readDraft(source.flow),
      note: input.note || `Republished version ${source.number}`,
      userId: ctx.actor.userId,
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "flow.republished",
      targetType: "bot",
      targetId: bot.id,
      metadata: { botName: bot.name, number: version.number, from: source.number },
      ip: ctx.ip,
    });
    return version;
  });
}
