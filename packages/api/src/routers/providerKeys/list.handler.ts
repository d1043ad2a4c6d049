import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { keyView } from "./shared.ts";

export async function listProviderKeysHandler({ ctx }: HandlerArgs<OrganizationContext>) {
  const keys = await ctx.prisma.providerKey.findMany({
    where: { organizationId: ctx.organizationId },
    include: { _count: { select: { revisions: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const now = new Date();
  return keys.map(({ _count, ...key }) => keyView(key, _count.revisions, now));
}
