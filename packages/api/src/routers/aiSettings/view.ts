import type { AiSettings, PrismaClient } from "@pixel/db";
import {
  DEFAULT_COOLDOWN_SECONDS,
  DEFAULT_UNAVAILABLE_MESSAGE,
  readFallback,
  readPriceOverrides,
} from "../../services/ai/schemas.ts";

/** The settings as the page shows them: the fallback order with each key's label and whether it can answer. */
export async function aiSettingsView(prisma: PrismaClient, organizationId: string, row: AiSettings | null) {
  const fallback = readFallback(row?.fallback);
  const keys = await prisma.providerKey.findMany({
    where: { organizationId, id: { in: fallback.map((f) => f.providerKeyId) } },
    select: { id: true, label: true, provider: true, disabled: true, expiresAt: true },
  });
  const byId = new Map(keys.map((k) => [k.id, k]));
  const now = Date.now();
  return {
    fallback: fallback.map((entry) => {
      const key = byId.get(entry.providerKeyId);
      const expired = Boolean(key?.expiresAt && key.expiresAt.getTime() <= now);
      return {
        providerKeyId: entry.providerKeyId,
        model: entry.model,
        label: key?.label ?? null,
        provider: key?.provider ?? null,
        /** false: disabled, expired or deleted; skipped when calling. */
        usable: Boolean(key && !key.disabled && !expired),
      };
    }),
    unavailableMessage: row?.unavailableMessage ?? DEFAULT_UNAVAILABLE_MESSAGE,
    alertWebhookUrl: row?.alertWebhookUrl ?? null,
    cooldownSeconds: row?.cooldownSeconds ?? DEFAULT_COOLDOWN_SECONDS,
    priceOverrides: readPriceOverrides(row?.priceOverrides),
    updatedAt: row?.updatedAt ?? null,
  };
}
