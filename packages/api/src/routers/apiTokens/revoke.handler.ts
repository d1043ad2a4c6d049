import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import { hasRole } from "../../lib/roles.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { RevokeApiTokenInput } from "./revoke.schema.ts";

/** Members revoke their own tokens; admins and owners may revoke anyone's token in the organization. */
export async function revokeApiTokenHandler({ ctx, input }: HandlerArgs<OrganizationContext, RevokeApiTokenInput>) {
  const token = await ctx.prisma.apiToken.findFirst({
    where: {
      id: input.tokenId,
      organizationId: ctx.organizationId,
      ...(hasRole(ctx.membership.role, "admin") ? {} : { userId: ctx.actor.userId }),
    },
  });
  if (!token) throw new TRPCError({ code: "NOT_FOUND", message: "No such API token." });
  if (token.revokedAt) return { revoked: token.id };
  await ctx.prisma.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: token.id,
      metadata: { name: token.name },
      ip: ctx.ip,
    });
  });
  return { revoked: token.id };
}
