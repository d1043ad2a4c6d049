import { type CooldownStore, createRedisCooldownStore } from "@pixel/ai";
import type { PrismaClient } from "@pixel/db";

/**
 * Cooldowns in ProviderKey.cooldownUntil: shared by every instance through the database. A key's rest is
 * re-read at most every `ttlMs` (0 = every call); a rest set in this process counts at once.
 */
export function createDbCooldownStore(prisma: PrismaClient, ttlMs = 0): CooldownStore {
  const seen = new Map<string, { until: number; readAt: number }>();
  return {
    async coolingDown(keyId, now) {
      const hit = seen.get(keyId);
      // Wall clock for the cache's age (an injected `now` may be frozen in tests); `now` for the rest itself.
      if (hit && Date.now() - hit.readAt < ttlMs) return hit.until > now;
      const row = await prisma.providerKey.findUnique({ where: { id: keyId }, select: { cooldownUntil: true } });
      const until = row?.cooldownUntil?.getTime() ?? 0;
      if (ttlMs > 0) {
        if (seen.size > 10_000) seen.clear();
        seen.set(keyId, { until, readAt: Date.now() });
      }
      return until > now;
    },
    async coolDown(keyId, until) {
      const at = new Date(until);
      // Only ever extends a rest: a shorter one from a concurrent failure does not cut it short.
      await prisma.providerKey.updateMany({
        where: { id: keyId, OR: [{ cooldownUntil: null }, { cooldownUntil: { lt: at } }] },
        data: { cooldownUntil: at },
      });
      const hit = seen.get(keyId);
      if (hit && hit.until < until) hit.until = until;
    },
  };
}

let shared: { url: string; store: CooldownStore } | null = null;

/**
 * Redis when REDIS_URL is set (one connection per process; it fails open while Redis is away, so a call
 * is never blocked by it), else the database.
 */
export function cooldownStoreFromEnv(
  prisma: PrismaClient,
  env: Record<string, string | undefined> = process.env,
  ttlMs = 0,
): CooldownStore {
  const url = env.REDIS_URL?.trim();
  if (!url) return createDbCooldownStore(prisma, ttlMs);
  if (shared?.url !== url) shared = { url, store: createRedisCooldownStore(url).store };
  return shared.store;
}
