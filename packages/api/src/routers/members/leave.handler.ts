import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, UserContext } from "../../trpc/types.ts";
import { assertAnotherOwnerRemains } from "./guards.ts";
import type { LeaveOrganizationInput } from "./leave.schema.ts";

/** Leaving acts on the caller's own membership, so any role may do it (it is user-scoped). */
export async function leaveOrganizationHandler({ ctx, input }: HandlerArgs<UserContext, LeaveOrganizationInput>) {
  const member = await ctx.prisma.membership.findUnique({
    where: { organizationId_userId: { organizationId: input.organizationId, userId: ctx.actor.userId } },
  });
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "You are not a member of this organization." });
  await ctx.prisma.$transaction(async (tx) => {
    if (member.role === "owner") await assertAnotherOwnerRemains(tx, member.organizationId, "leave");
    await tx.membership.delete({ where: { id: member.id } });
    await writeAudit(tx, {
      organizationId: member.organizationId,
      actorId: ctx.actor.userId,
      action: "member.left",
      targetType: "membership",
      targetId: member.id,
      metadata: { email: ctx.actor.email, role: member.role },
      ip: ctx.ip,
    });
  });
  return { left: member.organizationId };
}
