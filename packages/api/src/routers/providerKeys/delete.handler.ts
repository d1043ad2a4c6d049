import { writeAudit } from "../../lib/audit.ts";
import { forgetAiSettings } from "../../services/ai/runtime.ts";
import { readFallback } from "../../services/ai/schemas.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { ProviderKeyByIdInput } from "./byId.schema.ts";
import { keyAuditMetadata, loadKey } from "./shared.ts";

/**
 * Deletes the key with its history, takes it out of the organization's fallback order and removes its
 * budget. Past attempts and usage stay (their link to the key is cleared).
 */
export async function deleteProviderKeyHandler({ ctx, input }: HandlerArgs<OrganizationContext, ProviderKeyByIdInput>) {
  const key = await loadKey(ctx, input.providerKeyId);
  await ctx.prisma.$transaction(async (tx) => {
    const settings = await tx.aiSettings.findUnique({ where: { organizationId: ctx.organizationId } });
    if (settings) {
      const fallback = readFallback(settings.fallback);
      const kept = fallback.filter((entry) => entry.providerKeyId !== key.id);
      if (kept.length !== fallback.length) {
        await tx.aiSettings.update({ where: { organizationId: ctx.organizationId }, data: { fallback: kept } });
      }
    }
    await tx.budget.deleteMany({
      where: { organizationId: ctx.organizationId, scope: "provider_key", scopeId: key.id },
    });
    await tx.providerKey.delete({ where: { id: key.id } });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "provider_key.deleted",
      targetType: "provider_key",
      targetId: key.id,
      metadata: keyAuditMetadata(key),
      ip: ctx.ip,
    });
  });
  forgetAiSettings(ctx.prisma, ctx.organizationId);
  return { deleted: key.id };
}
