import { writeAudit } from "../../lib/audit.ts";
import type { OrganizationContext } from "../../trpc/types.ts";
import { findOwnTemplate, templateSummarySelect } from "./shared.ts";

/**
 * Takes one of the organization's templates out of the gallery: "draft" (unpublished, can be published again)
 * or "archived" (retired). Bots already made from it keep their copies; its page stays visible to the
 * organization's members only.
 */
export async function setTemplateStatus(ctx: OrganizationContext, templateId: string, status: "draft" | "archived") {
  return ctx.prisma.$transaction(async (tx) => {
    const before = await findOwnTemplate(tx, ctx.organizationId, templateId);
    const template = await tx.template.update({
      where: { id: before.id },
      data: { status },
      select: templateSummarySelect,
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: status === "draft" ? "template.unpublished" : "template.archived",
      targetType: "template",
      targetId: template.id,
      metadata: { name: template.name, slug: template.slug, from: before.status },
      ip: ctx.ip,
    });
    return template;
  });
}
