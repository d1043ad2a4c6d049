import { TRPCError } from "@trpc/server";
import type { HandlerArgs, UserContext } from "../../trpc/types.ts";
import { endMembership } from "./guards.ts";
import type { LeaveOrganizationInput } from "./leave.schema.ts";

/** Leaving acts on the caller's own membership, so any role may do it (it is user-scoped). */
export async function leaveOrganizationHandler({ ctx, input }: HandlerArgs<UserContext, LeaveOrganizationInput>) {
  const member = await ctx.prisma.membership.findUnique({
    where: { organizationId_userId: { organizationId: input.organizationId, userId: ctx.actor.userId } },
  });
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "You are not a member of this organization." });
  await endMembership(ctx.prisma, {
    membership: member,
    email: ctx.actor.email,
    actorId: ctx.actor.userId,
    ip: ctx.ip,
    action: "member.left",
    ownerVerb: "leave",
  });
  return { left: member.organizationId };
}
