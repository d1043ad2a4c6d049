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
  const owners = await tx.membership.count({ where: { organizationId, role: "owner" } });
  if (owners <= 1) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The last owner cannot ${action}. Make another member an owner first.`,
    });
  }
}
