import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";

export async function listMembersHandler({ ctx }: HandlerArgs<OrganizationContext>) {
  const members = await ctx.prisma.membership.findMany({
    where: { organizationId: ctx.organizationId },
    include: { user: { select: { id: true, name: true, email: true, image: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return members.map((m) => ({
    id: m.id,
    role: m.role,
    joinedAt: m.createdAt,
    user: m.user,
    isYou: m.userId === ctx.actor.userId,
  }));
}
