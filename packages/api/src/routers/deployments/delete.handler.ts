import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { DeleteDeploymentInput } from "./delete.schema.ts";
import { findDeployment, forget } from "./shared.ts";

/**
 * Removes the deployment and its API keys; its address stops answering at once. Conversations it had
 * stay (with no deployment) for the history and analytics.
 */
export async function deleteDeploymentHandler({ ctx, input }: HandlerArgs<OrganizationContext, DeleteDeploymentInput>) {
  const current = await findDeployment(ctx, input.deploymentId);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.deployment.delete({ where: { id: current.id } });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "deployment.deleted",
      targetType: "deployment",
      targetId: current.id,
      metadata: { name: current.name, slug: current.slug },
      ip: ctx.ip,
    });
  });
  forget(current.slug);
  return { deleted: current.id };
}
