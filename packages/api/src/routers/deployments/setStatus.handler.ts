import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { SetDeploymentStatusInput } from "./setStatus.schema.ts";
import { findDeployment, forget, loadDeployment } from "./shared.ts";

/** Pause (every channel answers "paused") or resume; setting the current status again changes nothing. */
export async function setDeploymentStatusHandler({
  ctx,
  input,
}: HandlerArgs<OrganizationContext, SetDeploymentStatusInput>) {
  const current = await findDeployment(ctx, input.deploymentId);
  if (current.status === input.status) return loadDeployment(ctx.prisma, ctx.organizationId, current.id);
  const updated = await ctx.prisma.$transaction(async (tx) => {
    await tx.deployment.update({ where: { id: current.id }, data: { status: input.status } });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: input.status === "paused" ? "deployment.paused" : "deployment.resumed",
      targetType: "deployment",
      targetId: current.id,
      metadata: { name: current.name, slug: current.slug },
      ip: ctx.ip,
    });
    return loadDeployment(tx, ctx.organizationId, current.id);
  });
  forget(current.slug);
  return updated;
}
