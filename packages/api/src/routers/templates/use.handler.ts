import type { Prisma } from "@pixel/db";
import { parseFlowDocument } from "@pixel/flow";
import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { BOT_DESCRIPTION_MAX, BOT_NAME_MAX } from "../bots/summary.ts";
import { templateNotFound } from "./shared.ts";
import type { UseTemplateInput } from "./use.schema.ts";

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * "Use template": a new bot in the active organization with a copy of the template's flow (read and migrated
 * like any flow document), and the template's usage count + 1 in the same transaction. Templates usable here:
 * published ones that are public or belong to this organization.
 */
export async function useTemplateHandler({ ctx, input }: HandlerArgs<OrganizationContext, UseTemplateInput>) {
  const template = await ctx.prisma.template.findFirst({
    where: {
      slug: input.slug,
      status: "published",
      OR: [{ visibility: "public" }, { organizationId: ctx.organizationId }],
    },
    select: { id: true, slug: true, name: true, description: true, version: true, flow: true },
  });
  if (!template) throw templateNotFound();
  const parsed = parseFlowDocument(template.flow);
  if (!parsed.ok) {
    throw new TRPCError({
      code: "UNPROCESSABLE_CONTENT",
      message: `This template's flow cannot be used: ${parsed.issues[0]?.message ?? "unknown problem"}`,
    });
  }
  return ctx.prisma.$transaction(async (tx) => {
    const bot = await tx.bot.create({
      data: {
        organizationId: ctx.organizationId,
        templateId: template.id,
        name: cut(template.name, BOT_NAME_MAX),
        description: cut(template.description, BOT_DESCRIPTION_MAX) || null,
        draftFlow: parsed.flow as unknown as Prisma.InputJsonValue,
        draftRevision: 0,
        updatedById: ctx.actor.userId,
      },
      select: { id: true },
    });
    // An increment in SQL, not read-modify-write, so concurrent uses all count; raw, so "updatedAt" (the
    // template's content version, e.g. for the preview's cache) does not move.
    await tx.$executeRaw`UPDATE "Template" SET "usageCount" = "usageCount" + 1 WHERE id = ${template.id}`;
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "template.used",
      targetType: "bot",
      targetId: bot.id,
      metadata: { templateSlug: template.slug, templateName: template.name, version: template.version },
      ip: ctx.ip,
    });
    return { botId: bot.id };
  });
}
