import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { RevokeDeploymentKeyInput } from "./revokeKey.schema.ts";
import { forget } from "./shared.ts";

/** Stops a key from working at once; the row stays (revoked) for the record. Revoking twice is a no-op. */
export async function revokeDeploymentKeyHandler({
  ctx,
  input,
}: HandlerArgs<OrganizationContext, RevokeDeploymentKeyInput>) {
  const key = await ctx.prisma.deploymentApiKey.findFirst({
    where: { id: input.keyId, organizationId: ctx.organizationId, deployment: { bot: { deletedAt: null } } },
    select: {
      id: true,
      name: true,
      lastFour: true,
      revokedAt: true,
      deployment: { select: { id: true, name: true, slug: true } },
    },
  });
  if (!key) throw new TRPCError({ code: "NOT_FOUND", message: "No such API key." });
  if (key.revokedAt) return { revoked: key.id };
  await ctx.prisma.$transaction(async (tx) => {
    await tx.deploymentApiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "deployment_key.revoked",
      targetType: "deployment",
      targetId: key.deployment.id,
      metadata: { keyId: key.id, name: key.name, lastFour: key.lastFour, deploymentName: key.deployment.name },
      ip: ctx.ip,
    });
  });
  forget(key.deployment.slug);
  return { revoked: key.id };
}
