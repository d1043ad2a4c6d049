import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { ListAuditInput } from "./list.schema.ts";

export async function listAuditHandler({ ctx, input }: HandlerArgs<OrganizationContext, ListAuditInput>) {
  const rows = await ctx.prisma.auditLog.findMany({
    where: {
      organizationId: ctx.organizationId,
      ...(input.actionPrefix ? { action: { startsWith: input.actionPrefix } } : {}),
    },
    include: { actor: { select: { email: true, name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      metadata: r.metadata,
      actor: r.actor,
      ip: r.ip,
      createdAt: r.createdAt,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
