import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { RevokeInvitationInput } from "./revoke.schema.ts";

export async function revokeInvitationHandler({ ctx, input }: HandlerArgs<OrganizationContext, RevokeInvitationInput>) {
  const invitation = await ctx.prisma.invitation.findFirst({
    where: { id: input.invitationId, organizationId: ctx.organizationId },
  });
  if (!invitation) throw new TRPCError({ code: "NOT_FOUND", message: "No such invitation in this organization." });
  if (invitation.acceptedAt)
    throw new TRPCError({ code: "CONFLICT", message: "This invitation was already accepted." });
  await ctx.prisma.$transaction(async (tx) => {
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: invitation.id,
      metadata: { email: invitation.email },
      ip: ctx.ip,
    });
  });
  return { revoked: invitation.id };
}
