import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { assertAnotherOwnerRemains, findMemberInOrganization } from "./guards.ts";
import type { RemoveMemberInput } from "./remove.schema.ts";

export async function removeMemberHandler({ ctx, input }: HandlerArgs<OrganizationContext, RemoveMemberInput>) {
  const member = await findMemberInOrganization(ctx, input.membershipId);
  if (member.role === "owner" && ctx.membership.role !== "owner") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only owners can remove an owner." });
  }
  await ctx.prisma.$transaction(async (tx) => {
    if (member.role === "owner") await assertAnotherOwnerRemains(tx, ctx.organizationId, "be removed");
    await tx.membership.delete({ where: { id: member.id } });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "member.removed",
      targetType: "membership",
      targetId: member.id,
      metadata: { email: member.user.email, role: member.role },
      ip: ctx.ip,
    });
  });
  return { removed: member.id };
}
