import { COMPATIBLE_PRESETS } from "@pixel/ai";
import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import { forgetAiSettings } from "../../services/ai/runtime.ts";
import type { ProviderKeySettings } from "../../services/ai/schemas.ts";
import { encryptionKey, lastFourOf, sealHeaders, sealSecret } from "../../services/ai/secrets.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { CreateProviderKeyInput } from "./create.schema.ts";
import { keyAuditMetadata, keyView } from "./shared.ts";

export async function createProviderKeyHandler({
  ctx,
  input,
}: HandlerArgs<OrganizationContext, CreateProviderKeyInput>) {
  let preset: string | null = null;
  let headers: Record<string, string> = {};
  if (input.provider === "openai-compatible") {
    if (input.preset) {
      const known = COMPATIBLE_PRESETS.find((p) => p.id === input.preset);
      if (!known) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `Unknown preset "${input.preset}". Choose one of: ${COMPATIBLE_PRESETS.map((p) => p.id).join(", ")}.`,
        });
      }
      preset = known.id;
      if (known.requiresKey && !input.secret) {
        throw new TRPCError({ code: "BAD_REQUEST", message: `${known.label} needs an API key: paste it in "secret".` });
      }
    } else if (!input.secret) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: 'This server needs an API key: paste it in "secret", or choose a keyless preset such as Ollama.',
      });
    }
  }
  if (input.provider === "openai-compatible" || input.provider === "custom") {
    headers = input.headers ?? {};
    const empty = Object.entries(headers).find(([, value]) => value === "");
    if (empty) throw new TRPCError({ code: "BAD_REQUEST", message: `Header "${empty[0]}" needs a value.` });
  }
  const secret = input.secret ?? null;
  const key = encryptionKey();
  const settings: ProviderKeySettings = {
    version: 1,
    models: input.models,
    headers: sealHeaders(headers, key),
    preset,
  };
  const lastFour = lastFourOf(secret);

  const created = await ctx.prisma.$transaction(async (tx) => {
    const row = await tx.providerKey.create({
      data: {
        organizationId: ctx.organizationId,
        provider: input.provider,
        label: input.label,
        encryptedSecret: sealSecret(secret, key),
        lastFour,
        baseUrl: input.baseUrl ?? null,
        settings,
        expiresAt: input.expiresAt ?? null,
        createdById: ctx.actor.userId,
      },
    });
    await tx.providerKeyRevision.create({
      data: {
        organizationId: ctx.organizationId,
        providerKeyId: row.id,
        event: "created",
        lastFour,
        actorId: ctx.actor.userId,
      },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "provider_key.created",
      targetType: "provider_key",
      targetId: row.id,
      metadata: keyAuditMetadata(row),
      ip: ctx.ip,
    });
    return row;
  });
  forgetAiSettings(ctx.prisma, ctx.organizationId);
  return keyView(created, 1);
}
