import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { UpdateOrganizationInput } from "./update.schema.ts";

export async function updateOrganizationHandler({
  ctx,
  input,
}: HandlerArgs<OrganizationContext, UpdateOrganizationInput>) {
  const before = ctx.organization.name;
  return ctx.prisma.$transaction(async (tx) => {
    const organization = await tx.organization.update({
      where: { id: ctx.organizationId },
      data: { name: input.name },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "organization.updated",
      targetType: "organization",
      targetId: ctx.organizationId,
      metadata: { name: { from: before, to: input.name } },
      ip: ctx.ip,
    });
    return { id: organization.id, name: organization.name };
  });
}
