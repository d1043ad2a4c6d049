import { writeAudit } from "../../lib/audit.ts";
import { forgetAiSettings } from "../../services/ai/runtime.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { SetProviderKeyDisabledInput } from "./setDisabled.schema.ts";
import { keyAuditMetadata, keyView, loadKey } from "./shared.ts";

/** A disabled key is never called (left out of every fallback list) until it is enabled again. */
export async function setProviderKeyDisabledHandler({
  ctx,
  input,
}: HandlerArgs<OrganizationContext, SetProviderKeyDisabledInput>) {
  const key = await loadKey(ctx, input.providerKeyId);
  const view = await ctx.prisma.$transaction(async (tx) => {
    const row = await tx.providerKey.update({
      where: { id: key.id },
      data: { disabled: input.disabled },
      include: { _count: { select: { revisions: true } } },
    });
    if (key.disabled !== input.disabled) {
      await writeAudit(tx, {
        organizationId: ctx.organizationId,
        actorId: ctx.actor.userId,
        action: input.disabled ? "provider_key.disabled" : "provider_key.enabled",
        targetType: "provider_key",
        targetId: key.id,
        metadata: keyAuditMetadata(row),
        ip: ctx.ip,
      });
    }
    const { _count, ...updated } = row;
    return keyView(updated, _count.revisions);
  });
  forgetAiSettings(ctx.prisma, ctx.organizationId);
  return view;
}
