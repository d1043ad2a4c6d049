import { writeAudit } from "../../lib/audit.ts";
import { forgetAiSettings } from "../../services/ai/runtime.ts";
import { encryptionKey, lastFourOf, sealSecret } from "../../services/ai/secrets.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { RotateProviderKeyInput } from "./rotate.schema.ts";
import { keyAuditMetadata, keyView, loadKey } from "./shared.ts";

/** The new secret replaces the old one; the history keeps when, who and the last four, never a secret. */
export async function rotateProviderKeyHandler({
  ctx,
  input,
}: HandlerArgs<OrganizationContext, RotateProviderKeyInput>) {
  const key = await loadKey(ctx, input.providerKeyId);
  const lastFour = lastFourOf(input.secret);
  const encryptedSecret = sealSecret(input.secret, encryptionKey());
  const view = await ctx.prisma.$transaction(async (tx) => {
    const row = await tx.providerKey.update({
      where: { id: key.id },
      data: {
        encryptedSecret,
        lastFour,
        rotatedAt: new Date(),
        // A new secret starts untested and rested.
        cooldownUntil: null,
        lastTestedAt: null,
        lastTestOk: null,
        lastTestMessage: null,
      },
    });
    await tx.providerKeyRevision.create({
      data: {
        organizationId: ctx.organizationId,
        providerKeyId: key.id,
        event: "rotated",
        lastFour,
        actorId: ctx.actor.userId,
      },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "provider_key.rotated",
      targetType: "provider_key",
      targetId: key.id,
      metadata: { ...keyAuditMetadata(row), previousLastFour: key.lastFour },
      ip: ctx.ip,
    });
    const revisions = await tx.providerKeyRevision.count({ where: { providerKeyId: key.id } });
    return keyView(row, revisions);
  });
  forgetAiSettings(ctx.prisma, ctx.organizationId);
  return view;
}
