import { type CooldownStore, createRedisCooldownStore } from "@pixel/ai";
import type { PrismaClient } from "@pixel/db";

/** Cooldowns in ProviderKey.cooldownUntil: shared by every instance through the database. */
export function createDbCooldownStore(prisma: PrismaClient): CooldownStore {
  return {
    async coolingDown(keyId, now) {
      const row = await prisma.providerKey.findUnique({ where: { id: keyId }, select: { cooldownUntil: true } });
      return Boolean(row?.cooldownUntil && row.cooldownUntil.getTime() > now);
    },
    async coolDown(keyId, until) {
      const at = new Date(until);
      // Only ever extends a rest: a shorter one from a concurrent failure does not cut it short.
      await prisma.providerKey.updateMany({
        where: { id: keyId, OR: [{ cooldownUntil: null }, { cooldownUntil: { lt: at } }] },
        data: { cooldownUntil: at },
      });
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
): CooldownStore {
  const url = env.REDIS_URL?.trim();
  if (!url) return createDbCooldownStore(prisma);
  if (shared?.url !== url) shared = { url, store: createRedisCooldownStore(url).store };
  return shared.store;
}
