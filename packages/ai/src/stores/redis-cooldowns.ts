import { Redis } from "ioredis";
import type { CooldownStore } from "../contracts.ts";

export const COOLDOWN_KEY_PREFIX = "pixel:cooldown:";

// Sets the rest only if it ends later than the one stored, so a long Retry-After is never shortened.
const EXTEND = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

export interface RedisCooldownOptions {
  /** Clock for the key's expiry; the stored value is the absolute end, compared with the caller's `now`. */
  now?: () => number;
}

/**
 * Cooldowns shared by every instance through Redis: `pixel:cooldown:<keyId>` holds the end time (ms) and
 * expires with it. Redis trouble never blocks an answer: reads fail open (not resting), writes are dropped.
 */
export class RedisCooldownStore implements CooldownStore {
  private readonly now: () => number;

  constructor(
    private readonly redis: Redis,
    options: RedisCooldownOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async coolingDown(keyId: string, now: number): Promise<boolean> {
    try {
      const value = await this.redis.get(COOLDOWN_KEY_PREFIX + keyId);
      return value !== null && Number(value) > now;
    } catch (error) {
      report("read", error);
      return false;
    }
  }

  async coolDown(keyId: string, until: number): Promise<void> {
    const ttl = Math.ceil(until - this.now());
    if (ttl <= 0) return;
    try {
      await this.redis.eval(EXTEND, 1, COOLDOWN_KEY_PREFIX + keyId, String(Math.round(until)), String(ttl));
    } catch (error) {
      report("write", error);
    }
  }
}

function report(what: string, error: unknown) {
  console.error(`[pixel/ai] Redis cooldown ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * A store with its own connection from REDIS_URL. Short timeouts, so a Redis outage costs a call at most
 * ~half a second instead of ioredis' default retries. Call `quit()` on shutdown.
 */
export function createRedisCooldownStore(url: string, options: RedisCooldownOptions = {}) {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500, lazyConnect: false });
  // Without a listener ioredis reports connection errors as unhandled; reads/writes report their own.
  redis.on("error", () => {});
  const store = new RedisCooldownStore(redis, options);
  return { store, quit: async () => void (await redis.quit().catch(() => undefined)) };
}
