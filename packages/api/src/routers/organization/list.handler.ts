import type { HandlerArgs, UserContext } from "../../trpc/types.ts";

export async function listOrganizationsHandler({ ctx }: HandlerArgs<UserContext>) {
  const memberships = await ctx.prisma.membership.findMany({
    where: {
      userId: ctx.actor.userId,
      // A token sees only its own organization.
      ...(ctx.actor.tokenOrganizationId ? { organizationId: ctx.actor.tokenOrganizationId } : {}),
    },
    include: { organization: { select: { id: true, name: true, slug: true, personal: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ ...m.organization, role: m.role }));
}
