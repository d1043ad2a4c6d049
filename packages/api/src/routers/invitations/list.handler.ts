import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { invitationStatus } from "./status.ts";

export async function listInvitationsHandler({ ctx }: HandlerArgs<OrganizationContext>) {
  const invitations = await ctx.prisma.invitation.findMany({
    where: { organizationId: ctx.organizationId, acceptedAt: null, revokedAt: null },
    include: { invitedBy: { select: { email: true, name: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return invitations.map((i) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    expiresAt: i.expiresAt,
    createdAt: i.createdAt,
    invitedBy: i.invitedBy,
    status: invitationStatus(i),
  }));
}
