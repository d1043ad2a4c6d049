import type { Prisma, PrismaClient } from "@pixel/db";
import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import type { OrganizationContext } from "../../trpc/types.ts";

/** Loads a membership of the caller's organization; another organization's id is simply not found. */
export async function findMemberInOrganization(ctx: OrganizationContext, membershipId: string) {
  const member = await ctx.prisma.membership.findFirst({
    where: { id: membershipId, organizationId: ctx.organizationId },
    include: { user: { select: { email: true } } },
  });
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "No such member in this organization." });
  return member;
}

/** Every organization keeps at least one owner. Runs inside the transaction that would remove one. */
export async function assertAnotherOwnerRemains(tx: Prisma.TransactionClient, organizationId: string, action: string) {
  // Lock the owner rows so two concurrent demotions of the last two owners cannot both pass:
  // the second waits, then re-reads the rows and sees only one owner left.
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "organizationId" = ${organizationId} AND role = 'owner' FOR UPDATE`;
  if (owners.length <= 1) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The last owner cannot ${action}. Make another member an owner first.`,
    });
  }
}

export interface EndMembership {
  membership: { id: string; organizationId: string; role: string };
  email: string;
  actorId: string;
  ip: string;
  action: "member.removed" | "member.left";
  /** How the last-owner refusal reads, e.g. "be removed" or "leave". */
  ownerVerb: string;
}

/** Removes a membership with its audit row, keeping at least one owner; shared by remove and leave. */
export async function endMembership(prisma: PrismaClient, end: EndMembership): Promise<void> {
  const { membership } = end;
  await prisma.$transaction(async (tx) => {
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, membership.organizationId, end.ownerVerb);
    await tx.membership.delete({ where: { id: membership.id } });
    await writeAudit(tx, {
      organizationId: membership.organizationId,
      actorId: end.actorId,
      action: end.action,
      targetType: "membership",
      targetId: membership.id,
      metadata: { email: end.email, role: membership.role },
      ip: end.ip,
    });
  });
}
