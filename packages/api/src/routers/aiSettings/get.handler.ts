import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { aiSettingsView } from "./view.ts";

export async function getAiSettingsHandler({ ctx }: HandlerArgs<OrganizationContext>) {
  const row = await ctx.prisma.aiSettings.findUnique({ where: { organizationId: ctx.organizationId } });
  return aiSettingsView(ctx.prisma, ctx.organizationId, row);
}
