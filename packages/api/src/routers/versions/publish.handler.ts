import { hasErrors, validateFlow } from "@pixel/flow";
import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { lockBot, readDraft } from "../flowDraft/load-draft.ts";
import { createVersion } from "./create-version.ts";
import type { PublishInput } from "./publish.schema.ts";

export async function publishHandler({ ctx, input }: HandlerArgs<OrganizationContext, PublishInput>) {
  return ctx.prisma.$transaction(async (tx) => {
    const bot = await lockBot(tx, ctx.organizationId, input.botId);
    if (bot.draftRevision !== input.draftRevision) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "The draft changed since you reviewed it (another tab or a teammate). Review it and publish again.",
      });
    }
    const flow = readDraft(bot.draftFlow);
    const validation = validateFlow(flow);
    if (hasErrors(validation)) {
      const list = validation.errors
        .slice(0, 5)
        .map((issue) => (issue.nodeId ? `${issue.nodeId}: ${issue.message}` : issue.message));
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `Fix ${validation.errors.length} error(s) before publishing: ${list.join("; ")}`,
      });
    }
    const version = await createVersion(tx, {
      organizationId: ctx.organizationId,
      botId: bot.id,
      flow,
      note: input.note,
      userId: ctx.actor.userId,
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "flow.published",
      targetType: "bot",
      targetId: bot.id,
      metadata: { botName: bot.name, number: version.number, note: input.note },
      ip: ctx.ip,
    });
    return version;
  });
}
