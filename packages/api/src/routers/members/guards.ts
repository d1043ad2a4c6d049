import type { Prisma } from "@pixel/db";
import { TRPCError } from "@trpc/server";
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
