import type { ProviderKey } from "@pixel/db";
import { TRPCError } from "@trpc/server";
import { readKeySettings } from "../../services/ai/schemas.ts";
import { NO_SECRET } from "../../services/ai/secrets.ts";
import type { OrganizationContext } from "../../trpc/types.ts";

const DAY_MS = 86_400_000;
/** A key expiring within this many days is flagged in the list. */
export const EXPIRY_WARNING_DAYS = 14;

/** A key of the caller's organization, or NOT_FOUND (also for another organization's id). */
export async function loadKey(ctx: OrganizationContext, providerKeyId: string): Promise<ProviderKey> {
  const key = await ctx.prisma.providerKey.findFirst({
    where: { id: providerKeyId, organizationId: ctx.organizationId },
  });
  if (!key) throw new TRPCError({ code: "NOT_FOUND", message: "No such provider key in this organization." });
  return key;
}

export function isExpired(key: Pick<ProviderKey, "expiresAt">, now = new Date()): boolean {
  return Boolean(key.expiresAt && key.expiresAt.getTime() <= now.getTime());
}

/** What audit rows say about a key: never the secret. */
export function keyAuditMetadata(key: Pick<ProviderKey, "label" | "provider" | "lastFour">) {
  return { label: key.label, provider: key.provider, lastFour: key.lastFour };
}

/**
 * The only shape a key leaves the server in: masked, with what the settings page shows. Neither the
 * secret nor its ciphertext (nor header values) is ever part of it.
 */
export function keyView(key: ProviderKey, revisionCount: number, now = new Date()) {
  const settings = readKeySettings(key.settings);
  const expired = isExpired(key, now);
  const msLeft = key.expiresAt ? key.expiresAt.getTime() - now.getTime() : null;
  const expiresSoon = !expired && msLeft !== null && msLeft <= EXPIRY_WARNING_DAYS * DAY_MS;
  const coolingDown = Boolean(key.cooldownUntil && key.cooldownUntil.getTime() > now.getTime());
  return {
    id: key.id,
    label: key.label,
    provider: key.provider,
    preset: settings.preset,
    /** No secret at all (a local server). */
    keyless: key.encryptedSecret === NO_SECRET,
    lastFour: key.lastFour,
    /** "••••abcd", or null for a keyless key. */
    masked: key.lastFour ? `••••${key.lastFour}` : null,
    baseUrl: key.baseUrl,
    /** Names only: header values are secrets too. */
    headerNames: Object.keys(settings.headers),
    models: settings.models,
    disabled: key.disabled,
    expiresAt: key.expiresAt,
    expired,
    expiresSoon,
    /** Whole days left before expiry (0 on the last day), null without an expiry date or once expired. */
    daysUntilExpiry: msLeft !== null && !expired ? Math.floor(msLeft / DAY_MS) : null,
    status: key.disabled ? "disabled" : expired ? "expired" : coolingDown ? "cooling_down" : "active",
    cooldownUntil: coolingDown ? key.cooldownUntil : null,
    lastTestedAt: key.lastTestedAt,
    lastTestOk: key.lastTestOk,
    lastTestMessage: key.lastTestMessage,
    rotatedAt: key.rotatedAt,
    createdAt: key.createdAt,
    updatedAt: key.updatedAt,
    revisionCount,
  } as const;
}
export type ProviderKeyView = ReturnType<typeof keyView>;

/** Replaces every occurrence of the given secrets in a text meant for people. */
export function redact(text: string, secrets: (string | null | undefined)[]): string {
  let out = text;
  const values = secrets.filter((s): s is string => typeof s === "string" && s.length >= 4);
  for (const value of values.sort((a, b) => b.length - a.length)) out = out.split(value).join("••••");
  return out;
}
