import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { GetBotInput } from "./get.schema.ts";
import { loadBotSummary } from "./summary.ts";

export async function getBotHandler({ ctx, input }: HandlerArgs<OrganizationContext, GetBotInput>) {
  return loadBotSummary(ctx.prisma, ctx.organizationId, input.botId);
}
