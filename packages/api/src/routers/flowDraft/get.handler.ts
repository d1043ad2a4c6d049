import { TRPCError } from "@trpc/server";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { GetDraftInput } from "./get.schema.ts";
import { readDraft } from "./load-draft.ts";

export async function getDraftHandler({ ctx, input }: HandlerArgs<OrganizationContext, GetDraftInput>) {
  const bot = await ctx.prisma.bot.findFirst({
    where: { id: input.botId, organizationId: ctx.organizationId, deletedAt: null },
    select: {
      id: true,
      name: true,
      draftRevision: true,
      updatedAt: true,
      draftFlow: input.knownRevision === undefined,
      updatedBy: { select: { name: true, email: true } },
    },
  });
  if (!bot) throw new TRPCError({ code: "NOT_FOUND", message: "Bot not found." });
  const unchanged = input.knownRevision === bot.draftRevision;
  let document = null;
  if (!unchanged) {
    const flow =
      bot.draftFlow ??
      (await ctx.prisma.bot.findUniqueOrThrow({ where: { id: bot.id }, select: { draftFlow: true } })).draftFlow;
    document = readDraft(flow);
  }
  return {
    botId: bot.id,
    name: bot.name,
    revision: bot.draftRevision,
    updatedAt: bot.updatedAt,
    updatedBy: bot.updatedBy,
    document,
  };
}
