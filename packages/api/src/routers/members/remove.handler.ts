import { TRPCError } from "@trpc/server";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { endMembership, findMemberInOrganization } from "./guards.ts";
import type { RemoveMemberInput } from "./remove.schema.ts";

export async function removeMemberHandler({ ctx, input }: HandlerArgs<OrganizationContext, RemoveMemberInput>) {
  const member = await findMemberInOrganization(ctx, input.membershipId);
  if (member.role === "owner" && ctx.membership.role !== "owner") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only owners can remove an owner." });
  }
  await endMembership(ctx.prisma, {
    membership: member,
    email: member.user.email,
    actorId: ctx.actor.userId,
    ip: ctx.ip,
    action: "member.removed",
    ownerVerb: "be removed",
  });
  return { removed: member.id };
}
