import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { DeploymentIdInput } from "./get.schema.ts";
import { loadDeployment } from "./shared.ts";

export async function getDeploymentHandler({ ctx, input }: HandlerArgs<OrganizationContext, DeploymentIdInput>) {
  return loadDeployment(ctx.prisma, ctx.organizationId, input.deploymentId);
}
