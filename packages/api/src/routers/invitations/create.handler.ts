import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import { sendMail } from "../../lib/mailer.ts";
import { generateToken, hashToken } from "../../lib/secrets.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { CreateInvitationInput } from "./create.schema.ts";
import { INVITATION_TTL_DAYS, invitationLink } from "./status.ts";

export async function createInvitationHandler({ ctx, input }: HandlerArgs<OrganizationContext, CreateInvitationInput>) {
  if (input.role === "owner" && ctx.membership.role !== "owner") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only owners can invite another owner." });
  }
  const alreadyMember = await ctx.prisma.membership.findFirst({
    where: { organizationId: ctx.organizationId, user: { email: input.email } },
    select: { id: true },
  });
  if (alreadyMember) throw new TRPCError({ code: "CONFLICT", message: `${input.email} is already a member.` });

  const token = generateToken("inv");
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
  const invitation = await ctx.prisma.$transaction(async (tx) => {
    // A new invitation replaces any pending one for the same address, so only one link works.
    await tx.invitation.updateMany({
      where: { organizationId: ctx.organizationId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        organizationId: ctx.organizationId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: ctx.actor.userId,
        expiresAt,
      },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "invitation.created",
      targetType: "invitation",
      targetId: created.id,
      metadata: { email: input.email, role: input.role },
      ip: ctx.ip,
    });
    return created;
  });

  const link = invitationLink(ctx.appUrl, token);
  const mail = await sendMail({
    to: input.email,
    subject: `You are invited to ${ctx.organization.name} on Pixel AI Creator`,
    text: `${ctx.actor.email} invited you to join ${ctx.organization.name} as ${input.role}.\n\nAccept: ${link}\n\nThe link expires on ${expiresAt.toUTCString()}.`,
  });
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expiresAt,
    /** Shown once to the inviter to copy; only its hash is stored. */
    link,
    emailed: mail.sent,
    emailError: mail.error ?? null,
  };
}
