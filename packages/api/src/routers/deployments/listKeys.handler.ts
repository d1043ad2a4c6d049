import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { DEPLOYMENT_KEY_PREFIX } from "./createKey.handler.ts";
import type { ListDeploymentKeysInput } from "./listKeys.schema.ts";
import { findDeployment } from "./shared.ts";

/** The deployment's API keys, live ones first; never a secret or its hash, only the last four characters. */
export async function listDeploymentKeysHandler({
  ctx,
  input,
}: HandlerArgs<OrganizationContext, ListDeploymentKeysInput>) {
  const deployment = await findDeployment(ctx, input.deploymentId);
  const rows = await ctx.prisma.deploymentApiKey.findMany({
    where: { deploymentId: deployment.id, organizationId: ctx.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      lastFour: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdById: true,
    },
  });
  // The key has no relation to its creator (a removed user leaves their keys): names are looked up.
  const creatorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => Boolean(id)))];
  const creators = new Map(
    (
      await ctx.prisma.user.findMany({
        where: { id: { in: creatorIds } },
        select: { id: true, name: true, email: true },
      })
    ).map((u) => [u.id, { name: u.name, email: u.email }]),
  );
  const keys = rows.map(({ createdById, ...row }) => ({
    ...row,
    createdBy: createdById ? (creators.get(createdById) ?? null) : null,
    masked: `${DEPLOYMENT_KEY_PREFIX}_••••••••${row.lastFour}`,
    status: row.revokedAt ? ("revoked" as const) : ("active" as const),
  }));
  return [...keys.filter((k) => k.status === "active"), ...keys.filter((k) => k.status === "revoked")];
}
