import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  COOLDOWN_KEY_PREFIX,
  createRedisCooldownStore,
  MemoryCooldownStore,
  RedisCooldownStore,
} from "../../src/index.ts";

describe("MemoryCooldownStore", () => {
  it("rests a key until the given time, never shortening a longer rest", async () => {
    const store = new MemoryCooldownStore();
    expect(await store.coolingDown("k", 1000)).toBe(false);
    await store.coolDown("k", 5000);
    expect(await store.coolingDown("k", 4999)).toBe(true);
    await store.coolDown("k", 3000);
    expect(store.restingUntil("k")).toBe(5000);
    expect(await store.coolingDown("k", 5000)).toBe(false);
    expect(store.restingUntil("k")).toBeUndefined();
    expect(await store.coolingDown("other", 0)).toBe(false);
  });
});

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 500,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const reachable = await redisReachable();

describe.skipIf(!reachable)("RedisCooldownStore (real Redis at REDIS_URL or 127.0.0.1:6379)", () => {
  let redis: Redis;
  const keyId = `test-${randomUUID()}`;
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await redis.del(COOLDOWN_KEY_PREFIX + keyId);
    await redis.quit();
  });

  it("stores pixel:cooldown:<keyId> with a PX expiry, shared by two instances, never shortened", async () => {
    const now = Date.now();
    const a = new RedisCooldownStore(redis);
    const { store: b, quit } = createRedisCooldownStore(REDIS_URL);
    try {
      expect(await b.coolingDown(keyId, now)).toBe(false);
      await a.coolDown(keyId, now + 60_000);
      expect(await b.coolingDown(keyId, now)).toBe(true);
      expect(await b.coolingDown(keyId, now + 60_001)).toBe(false);
      const ttl = await redis.pttl(COOLDOWN_KEY_PREFIX + keyId);
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
      await b.coolDown(keyId, now + 10_000);
      expect(Number(await redis.get(COOLDOWN_KEY_PREFIX + keyId))).toBe(now + 60_000);
      await b.coolDown(keyId, now + 120_000);
      expect(Number(await redis.get(COOLDOWN_KEY_PREFIX + keyId))).toBe(now + 120_000);
    } finally {
      await quit();
    }
  });

  it("a rest already over is not written", async () => {
    const store = new RedisCooldownStore(redis);
    const id = `${keyId}-past`;
    await store.coolDown(id, Date.now() - 1);
    expect(await redis.exists(COOLDOWN_KEY_PREFIX + id)).toBe(0);
  });
});

describe("RedisCooldownStore when Redis is down", () => {
  it("fails open: reads say 'not resting', writes are dropped, nothing throws", async () => {
    const dead = new Redis("redis://127.0.0.1:9", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableOfflineQueue: false,
    });
    dead.on("error", () => {});
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(" "));
    try {
      const store = new RedisCooldownStore(dead);
      await expect(store.coolingDown("k", Date.now())).resolves.toBe(false);
      await expect(store.coolDown("k", Date.now() + 1000)).resolves.toBeUndefined();
      expect(errors.join("\n")).toContain("Redis cooldown");
    } finally {
      console.error = original;
      dead.disconnect();
    }
  });
});
