import { writeAudit } from "../../lib/audit.ts";
import { generateToken, hashToken } from "../../lib/secrets.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { CreateApiTokenInput } from "./create.schema.ts";

export const API_TOKEN_PREFIX = "pxl";

export async function createApiTokenHandler({ ctx, input }: HandlerArgs<OrganizationContext, CreateApiTokenInput>) {
  const token = generateToken(API_TOKEN_PREFIX, 32);
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        organizationId: ctx.organizationId,
        userId: ctx.actor.userId,
        name: input.name,
        tokenHash: hashToken(token),
        lastFour: token.slice(-4),
        expiresAt,
      },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "api_token.created",
      targetType: "api_token",
      targetId: created.id,
      metadata: { name: input.name, expiresAt: expiresAt?.toISOString() ?? null },
      ip: ctx.ip,
    });
    return created;
  });
  // The only time the secret leaves the server.
  return { id: row.id, name: row.name, token, lastFour: row.lastFour, expiresAt: row.expiresAt };
}
