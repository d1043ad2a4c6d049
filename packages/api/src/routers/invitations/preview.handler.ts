import { TRPCError } from "@trpc/server";
import { hashToken } from "../../lib/secrets.ts";
import type { Context } from "../../trpc/context.ts";
import type { HandlerArgs } from "../../trpc/types.ts";
import { invitationStatus } from "./status.ts";
import type { InvitationTokenInput } from "./token.schema.ts";

/** What the invite page shows before sign-in: whose invitation, for which address, still valid or not. */
export async function previewInvitationHandler({ ctx, input }: HandlerArgs<Context, InvitationTokenInput>) {
  const invitation = await ctx.prisma.invitation.findUnique({
    where: { tokenHash: hashToken(input.token) },
    include: { organization: { select: { name: true } }, invitedBy: { select: { name: true, email: true } } },
  });
  if (!invitation) throw new TRPCError({ code: "NOT_FOUND", message: "This invitation link is not valid." });
  return {
    organizationName: invitation.organization.name,
    invitedBy: invitation.invitedBy?.name || invitation.invitedBy?.email || null,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    status: invitationStatus(invitation),
  };
}
