import { createOwnedOrganization } from "../../services/accounts.ts";
import type { HandlerArgs, UserContext } from "../../trpc/types.ts";
import type { CreateOrganizationInput } from "./create.schema.ts";

export async function createOrganizationHandler({ ctx, input }: HandlerArgs<UserContext, CreateOrganizationInput>) {
  const organization = await ctx.prisma.$transaction((tx) =>
    createOwnedOrganization(tx, ctx.actor.userId, input.name, false, ctx.ip),
  );
  return { id: organization.id, name: organization.name, slug: organization.slug };
}
