import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import { hashToken } from "../../lib/secrets.ts";
import type { HandlerArgs, UserContext } from "../../trpc/types.ts";
import { invitationStatus } from "./status.ts";
import type { InvitationTokenInput } from "./token.schema.ts";

export async function acceptInvitationHandler({ ctx, input }: HandlerArgs<UserContext, InvitationTokenInput>) {
  const invitation = await ctx.prisma.invitation.findUnique({ where: { tokenHash: hashToken(input.token) } });
  if (!invitation) throw new TRPCError({ code: "NOT_FOUND", message: "This invitation link is not valid." });
  const status = invitationStatus(invitation);
  if (status === "accepted")
    throw new TRPCError({ code: "CONFLICT", message: "This invitation has already been used." });
  if (status === "revoked")
    throw new TRPCError({ code: "BAD_REQUEST", message: "This invitation was revoked. Ask for a new one." });
  if (status === "expired") {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `This invitation expired on ${invitation.expiresAt.toUTCString()}. Ask for a new one.`,
    });
  }
  if (invitation.email.toLowerCase() !== ctx.actor.email.toLowerCase()) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
    });
  }
  return ctx.prisma.$transaction(async (tx) => {
    // Claim the invitation atomically so a double click or a replay cannot use it twice.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0)
      throw new TRPCError({ code: "CONFLICT", message: "This invitation has already been used." });
    const membership = await tx.membership.upsert({
      where: { organizationId_userId: { organizationId: invitation.organizationId, userId: ctx.actor.userId } },
      create: { organizationId: invitation.organizationId, userId: ctx.actor.userId, role: invitation.role },
      update: {},
    });
    await writeAudit(tx, {
      organizationId: invitation.organizationId,
      actorId: ctx.actor.userId,
      action: "member.joined",
      targetType: "membership",
      targetId: membership.id,
      metadata: { email: ctx.actor.email, role: membership.role, invitationId: invitation.id },
      ip: ctx.ip,
    });
    return { organizationId: invitation.organizationId, role: membership.role };
  });
}
