import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { API_TOKEN_PREFIX } from "./create.handler.ts";

export async function listApiTokensHandler({ ctx }: HandlerArgs<OrganizationContext>) {
  const tokens = await ctx.prisma.apiToken.findMany({
    where: { organizationId: ctx.organizationId, userId: ctx.actor.userId },
    orderBy: { createdAt: "desc" },
  });
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    masked: `${API_TOKEN_PREFIX}_••••••••${t.lastFour}`,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    status: t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt < new Date() ? "expired" : "active",
  }));
}
