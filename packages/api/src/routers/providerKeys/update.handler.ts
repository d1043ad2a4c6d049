import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import { forgetAiSettings } from "../../services/ai/runtime.ts";
import { type ProviderKeySettings, readKeySettings } from "../../services/ai/schemas.ts";
import { encryptionKey, sealHeaders } from "../../services/ai/secrets.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { keyAuditMetadata, keyView, loadKey } from "./shared.ts";
import type { UpdateProviderKeyInput } from "./update.schema.ts";

const NEEDS_BASE_URL = new Set(["openai-compatible", "custom"]);

export async function updateProviderKeyHandler({
  ctx,
  input,
}: HandlerArgs<OrganizationContext, UpdateProviderKeyInput>) {
  const key = await loadKey(ctx, input.providerKeyId);
  const settings = readKeySettings(key.settings);
  const changed: string[] = [];
  const next: ProviderKeySettings = { ...settings };

  if (input.baseUrl === null && NEEDS_BASE_URL.has(key.provider)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `A ${key.provider} key needs a base URL; it cannot be removed.`,
    });
  }
  if (input.models) {
    next.models = input.models;
    changed.push("models");
  }
  if (input.headers) {
    const headers = input.headers;
    if (!NEEDS_BASE_URL.has(key.provider) && Object.keys(headers).length > 0) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `Custom headers are for OpenAI-compatible and custom servers, not ${key.provider} keys.`,
      });
    }
    const fresh: Record<string, string> = {};
    const kept: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value !== "") fresh[name] = value;
      else if (settings.headers[name] !== undefined) kept[name] = settings.headers[name];
      else throw new TRPCError({ code: "BAD_REQUEST", message: `Header "${name}" needs a value.` });
    }
    next.headers = { ...kept, ...(Object.keys(fresh).length ? sealHeaders(fresh, encryptionKey()) : {}) };
    changed.push("headers");
  }
  if (input.label !== undefined && input.label !== key.label) changed.push("label");
  if (input.baseUrl !== undefined && input.baseUrl !== key.baseUrl) changed.push("baseUrl");
  if (input.expiresAt !== undefined && input.expiresAt?.getTime() !== key.expiresAt?.getTime())
    changed.push("expiresAt");

  const view = await ctx.prisma.$transaction(async (tx) => {
    const row = await tx.providerKey.update({
      where: { id: key.id },
      data: {
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.baseUrl !== undefined ? { baseUrl: input.baseUrl } : {}),
        ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
        settings: next,
      },
      include: { _count: { select: { revisions: true } } },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "provider_key.updated",
      targetType: "provider_key",
      targetId: key.id,
      metadata: {
        ...keyAuditMetadata(row),
        changed,
        ...(changed.includes("expiresAt") ? { expiresAt: row.expiresAt?.toISOString() ?? null } : {}),
      },
      ip: ctx.ip,
    });
    const { _count, ...updated } = row;
    return keyView(updated, _count.revisions);
  });
  forgetAiSettings(ctx.prisma, ctx.organizationId);
  return view;
}
