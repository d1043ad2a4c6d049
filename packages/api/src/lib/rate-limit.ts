import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export interface RateLimitRule {
  /** Requests allowed per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
}

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests. Try again in ${retryAfterSeconds} s.`);
  }
}

let redis: Redis | undefined;
function sharedRedis(): Redis | undefined {
  const url = process.env.REDIS_URL;
  if (!url) return undefined;
  // Commands queue while the connection opens (so the first requests after start are counted too),
  // but give up fast when Redis is away: the in-memory insurance limiter then answers.
  redis ??= new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000 });
  return redis;
}

const limiters = new Map<string, RateLimiterAbstract>();

/**
 * One limiter per named rule. In memory by default; in Redis when REDIS_URL is set so that every
 * instance shares the count. If Redis is unreachable the in-memory limiter takes over (insurance).
 */
function limiterFor(name: string, rule: RateLimitRule): RateLimiterAbstract {
  const key = `${name}:${rule.points}:${rule.duration}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    const memory = new RateLimiterMemory({ keyPrefix: `pixel:${name}`, ...rule });
    const client = sharedRedis();
    limiter = client
      ? new RateLimiterRedis({ storeClient: client, keyPrefix: `pixel:${name}`, insuranceLimiter: memory, ...rule })
      : memory;
    limiters.set(key, limiter);
  }
  return limiter;
}

/** Consumes one point for `subject` under rule `name`; throws RateLimitedError past the limit. */
export async function consumeRateLimit(name: string, rule: RateLimitRule, subject: string): Promise<void> {
  try {
    await limiterFor(name, rule).consume(subject);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    }
    throw error;
  }
}

/** Clears a subject's count, e.g. after a successful sign-in. */
export async function resetRateLimit(name: string, rule: RateLimitRule, subject: string): Promise<void> {
  await limiterFor(name, rule).delete(subject);
}
