import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";

export async function currentOrganizationHandler({ ctx }: HandlerArgs<OrganizationContext>) {
  const { organization, membership } = ctx;
  const memberCount = await ctx.prisma.membership.count({ where: { organizationId: organization.id } });
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    personal: organization.personal,
    role: membership.role,
    memberCount,
  };
}
