import { writeAudit } from "../../lib/audit.ts";
import { generateToken, hashToken } from "../../lib/secrets.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { CreateDeploymentKeyInput } from "./createKey.schema.ts";
import { findDeployment, forget } from "./shared.ts";

/** Deployment API keys read `pxd_…`; personal API tokens read `pxl_…`. */
export const DEPLOYMENT_KEY_PREFIX = "pxd";

/** A key for the deployment's REST and OpenAI-compatible APIs. The token is returned here once; only its hash is stored. */
export async function createDeploymentKeyHandler({
  ctx,
  input,
}: HandlerArgs<OrganizationContext, CreateDeploymentKeyInput>) {
  const deployment = await findDeployment(ctx, input.deploymentId);
  const token = generateToken(DEPLOYMENT_KEY_PREFIX, 32);
  const row = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.deploymentApiKey.create({
      data: {
        organizationId: ctx.organizationId,
        deploymentId: deployment.id,
        name: input.name,
        tokenHash: hashToken(token),
        lastFour: token.slice(-4),
        createdById: ctx.actor.userId,
      },
      select: { id: true, name: true, lastFour: true, createdAt: true },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "deployment_key.created",
      targetType: "deployment",
      targetId: deployment.id,
      metadata: { keyId: created.id, name: input.name, lastFour: created.lastFour, deploymentName: deployment.name },
      ip: ctx.ip,
    });
    return created;
  });
  forget(deployment.slug);
  // The only time the secret leaves the server.
  return { id: row.id, name: row.name, token, lastFour: row.lastFour, createdAt: row.createdAt };
}
