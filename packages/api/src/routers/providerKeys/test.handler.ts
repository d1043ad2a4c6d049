import type { ProviderKind } from "@pixel/ai";
import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import { createAiRuntime } from "../../services/ai/runtime.ts";
import { readKeySettings } from "../../services/ai/schemas.ts";
import { encryptionKey, openHeaders, openSecret } from "../../services/ai/secrets.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { isExpired, keyAuditMetadata, loadKey, redact } from "./shared.ts";
import type { TestProviderKeyInput } from "./test.schema.ts";

/** A live call with the key; the readable result is stored on the key and returned. */
export async function testProviderKeyHandler({ ctx, input }: HandlerArgs<OrganizationContext, TestProviderKeyInput>) {
  const key = await loadKey(ctx, input.providerKeyId);
  if (key.disabled) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "This key is disabled. Enable it before testing the connection.",
    });
  }
  if (isExpired(key)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `This key expired on ${key.expiresAt?.toISOString().slice(0, 10)}. Rotate it or set a later expiry date before testing.`,
    });
  }
  const settings = readKeySettings(key.settings);
  const model = input.model ?? settings.models[0];
  if (!model) throw new TRPCError({ code: "BAD_REQUEST", message: "Choose a model to test the key with." });

  const encryption = encryptionKey();
  const secret = openSecret(key.encryptedSecret, encryption);
  const headers = openHeaders(settings.headers, encryption);
  const result = await createAiRuntime(ctx.prisma).testConnection({
    credentials: {
      keyId: key.id,
      provider: key.provider as ProviderKind,
      secret,
      ...(key.baseUrl ? { baseUrl: key.baseUrl } : {}),
      ...(Object.keys(headers).length ? { headers } : {}),
    },
    model,
  });
  // The gateway words its messages itself; a provider echoing what it was sent must still not leak it.
  const message = redact(result.message, [secret, ...Object.values(headers)]).slice(0, 500);
  const testedAt = new Date();
  await ctx.prisma.$transaction(async (tx) => {
    await tx.providerKey.update({
      where: { id: key.id },
      data: { lastTestedAt: testedAt, lastTestOk: result.ok, lastTestMessage: message },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "provider_key.tested",
      targetType: "provider_key",
      targetId: key.id,
      metadata: { ...keyAuditMetadata(key), model, ok: result.ok, latencyMs: result.latencyMs },
      ip: ctx.ip,
    });
  });
  return { ok: result.ok, message, latencyMs: result.latencyMs, model: result.model ?? model, testedAt };
}
