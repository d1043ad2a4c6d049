import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { findBot } from "../bots/summary.ts";
import type { TemplateForBotInput } from "./forBot.schema.ts";
import { templateSummarySelect } from "./shared.ts";

/**
 * The template published from this bot (to prefill the publish form and say "republish as 1.2.0"), or null
 * when it has none. Another organization's bot is NOT_FOUND.
 */
export async function templateForBotHandler({ ctx, input }: HandlerArgs<OrganizationContext, TemplateForBotInput>) {
  const bot = await findBot(ctx, input.botId);
  return ctx.prisma.template.findFirst({
    where: { sourceBotId: bot.id, organizationId: ctx.organizationId },
    orderBy: { createdAt: "asc" },
    select: {
      ...templateSummarySelect,
      description: true,
      category: true,
      industry: true,
      useCase: true,
      tags: true,
      complexity: true,
      priceTier: true,
      setupMinutes: true,
      languages: true,
      defaultLanguage: true,
      previewEmoji: true,
      requiredIntegrations: true,
      seoTitle: true,
      seoDescription: true,
    },
  });
}
