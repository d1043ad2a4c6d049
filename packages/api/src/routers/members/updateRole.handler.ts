import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { assertAnotherOwnerRemains, findMemberInOrganization } from "./guards.ts";
import type { UpdateRoleInput } from "./updateRole.schema.ts";

export async function updateRoleHandler({ ctx, input }: HandlerArgs<OrganizationContext, UpdateRoleInput>) {
  const member = await findMemberInOrganization(ctx, input.membershipId);
  if (member.role === input.role) return { id: member.id, role: member.role };
  const touchesOwner = member.role === "owner" || input.role === "owner";
  if (touchesOwner && ctx.membership.role !== "owner") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only owners can grant or take away the owner role." });
  }
  return ctx.prisma.$transaction(async (tx) => {
    if (member.role === "owner") await assertAnotherOwnerRemains(tx, ctx.organizationId, "be demoted");
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role: input.role } });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "member.role_changed",
      targetType: "membership",
      targetId: member.id,
      metadata: { email: member.user.email, from: member.role, to: input.role },
      ip: ctx.ip,
    });
    return { id: updated.id, role: updated.role };
  });
}
