import { PROVIDER_KINDS } from "@pixel/ai";
import type { Prisma } from "@pixel/db";
import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import { forgetAiSettings } from "../../services/ai/runtime.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { UpdateAiSettingsInput } from "./update.schema.ts";
import { aiSettingsView } from "./view.ts";

export async function updateAiSettingsHandler({ ctx, input }: HandlerArgs<OrganizationContext, UpdateAiSettingsInput>) {
  if (input.fallback) {
    const ids = [...new Set(input.fallback.map((f) => f.providerKeyId))];
    const found = await ctx.prisma.providerKey.findMany({
      where: { id: { in: ids }, organizationId: ctx.organizationId },
      select: { id: true },
    });
    const known = new Set(found.map((k) => k.id));
    const missing = ids.find((id) => !known.has(id));
    if (missing) {
      throw new TRPCError({ code: "NOT_FOUND", message: `No such provider key in this organization: ${missing}.` });
    }
    const seen = new Set<string>();
    for (const entry of input.fallback) {
      const id = `${entry.providerKeyId}|${entry.model}`;
      if (seen.has(id)) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `The fallback order lists ${entry.model} with the same key twice.`,
        });
      }
      seen.add(id);
    }
  }
  if (input.priceOverrides) {
    for (const name of Object.keys(input.priceOverrides)) {
      const provider = name.slice(0, name.indexOf(":"));
      if (!name.includes(":") || !(PROVIDER_KINDS as readonly string[]).includes(provider) || name.endsWith(":")) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `Price override "${name}" must be named "<provider>:<model>" with a provider among ${PROVIDER_KINDS.join(", ")}.`,
        });
      }
    }
  }
  const data = {
    ...(input.fallback ? { fallback: input.fallback as Prisma.InputJsonValue } : {}),
    ...(input.unavailableMessage !== undefined ? { unavailableMessage: input.unavailableMessage } : {}),
    ...(input.alertWebhookUrl !== undefined ? { alertWebhookUrl: input.alertWebhookUrl } : {}),
    ...(input.cooldownSeconds !== undefined ? { cooldownSeconds: input.cooldownSeconds } : {}),
    ...(input.priceOverrides ? { priceOverrides: input.priceOverrides as Prisma.InputJsonValue } : {}),
  };
  const row = await ctx.prisma.$transaction(async (tx) => {
    const saved = await tx.aiSettings.upsert({
      where: { organizationId: ctx.organizationId },
      create: { organizationId: ctx.organizationId, ...data },
      update: data,
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "ai_settings.updated",
      targetType: "ai_settings",
      targetId: ctx.organizationId,
      metadata: {
        changed: Object.keys(data),
        ...(input.fallback
          ? { fallback: input.fallback.map((f) => ({ providerKeyId: f.providerKeyId, model: f.model })) }
          : {}),
        // Webhook URLs often carry a token: the host only.
        ...(input.alertWebhookUrl !== undefined
          ? { alertWebhookHost: input.alertWebhookUrl ? new URL(input.alertWebhookUrl).host : null }
          : {}),
        ...(input.cooldownSeconds !== undefined ? { cooldownSeconds: input.cooldownSeconds } : {}),
      },
      ip: ctx.ip,
    });
    return saved;
  });
  forgetAiSettings(ctx.prisma, ctx.organizationId);
  return aiSettingsView(ctx.prisma, ctx.organizationId, row);
}
