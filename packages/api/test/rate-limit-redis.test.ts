import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";

// With REDIS_URL set, every instance shares one count: two fresh module instances (two "servers")
// consume from the same budget. Runs when TEST_REDIS_URL points at a Redis server (CI's does).
const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!redisUrl)("rate limits shared through Redis", () => {
  const subject = `test-${randomBytes(6).toString("hex")}`;
  const rule = { points: 5, duration: 30 };
  const probe = redisUrl ? new Redis(redisUrl) : null;

  afterAll(async () => {
    await probe?.del(`pixel:shared-test:${subject}`);
    probe?.disconnect();
    vi.unstubAllEnvs();
  });

  async function freshInstance() {
    vi.resetModules();
    vi.stubEnv("REDIS_URL", redisUrl as string);
    return import("../src/lib/rate-limit.ts");
  }

  it("counts across instances and refuses past the limit with a retry time", async () => {
    const first = await freshInstance();
    for (let i = 0; i < 3; i++) await first.consumeRateLimit("shared-test", rule, subject);
    const second = await freshInstance();
    for (let i = 0; i < 2; i++) await second.consumeRateLimit("shared-test", rule, subject);

    const error = await second.consumeRateLimit("shared-test", rule, subject).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(second.RateLimitedError);
    expect((error as InstanceType<typeof second.RateLimitedError>).retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(await probe?.get(`pixel:shared-test:${subject}`))).toBeGreaterThanOrEqual(5);
  });
});
