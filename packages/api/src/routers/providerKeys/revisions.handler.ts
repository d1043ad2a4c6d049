import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { ProviderKeyByIdInput } from "./byId.schema.ts";
import { loadKey } from "./shared.ts";

/** The key's secret history: created / rotated, when, by whom, last four. No secrets are kept. */
export async function providerKeyRevisionsHandler({
  ctx,
  input,
}: HandlerArgs<OrganizationContext, ProviderKeyByIdInput>) {
  const key = await loadKey(ctx, input.providerKeyId);
  const revisions = await ctx.prisma.providerKeyRevision.findMany({
    where: { providerKeyId: key.id, organizationId: ctx.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const actorIds = [...new Set(revisions.map((r) => r.actorId).filter((id): id is string => Boolean(id)))];
  const actors = await ctx.prisma.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, email: true, name: true },
  });
  const byId = new Map(actors.map((a) => [a.id, a]));
  return revisions.map((r) => ({
    id: r.id,
    event: r.event,
    lastFour: r.lastFour,
    masked: r.lastFour ? `••••${r.lastFour}` : null,
    actor: r.actorId ? (byId.get(r.actorId) ?? null) : null,
    createdAt: r.createdAt,
  }));
}
