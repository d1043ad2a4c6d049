import { TRPCError } from "@trpc/server";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { readDraft } from "../flowDraft/load-draft.ts";
import type { VersionIdInput } from "./list.schema.ts";

export async function findVersion(ctx: OrganizationContext, versionId: string) {
  const version = await ctx.prisma.flowVersion.findFirst({
    where: { id: versionId, organizationId: ctx.organizationId, bot: { deletedAt: null } },
    select: {
      id: true,
      botId: true,
      number: true,
      note: true,
      flow: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
      bot: { select: { name: true } },
    },
  });
  if (!version) throw new TRPCError({ code: "NOT_FOUND", message: "Version not found." });
  return version;
}

export async function getVersionHandler({ ctx, input }: HandlerArgs<OrganizationContext, VersionIdInput>) {
  const { flow, bot: _bot, ...version } = await findVersion(ctx, input.versionId);
  return { ...version, flow: readDraft(flow) };
}
