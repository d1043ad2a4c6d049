import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { sampleFlow } from "./designer/support.ts";
import { APP_URL, createOrganization, db, useTestDatabase } from "./helpers.ts";

// Two "app instances" are two fresh module graphs of the public chat handlers (vi.resetModules + a
// dynamic import), each with its own rate limiters and deployment cache, serving the same database.
// With REDIS_URL they share one count; in memory each counts alone. The Redis case runs when
// TEST_REDIS_URL points at a Redis server (CI's does).
const redisUrl = process.env.TEST_REDIS_URL;

useTestDatabase();

type Handlers = typeof import("../src/http/public-chat/index.ts");

async function freshInstance(redis: string | undefined): Promise<Handlers> {
  vi.resetModules();
  vi.stubEnv("REDIS_URL", redis ?? "");
  return import("../src/http/public-chat/index.ts");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

async function createDeployment(rateLimits: object) {
  const organization = await createOrganization();
  const flow = sampleFlow();
  const bot = await db().bot.create({
    data: { organizationId: organization.id, name: "Shared bot", draftFlow: flow as object },
  });
  await db().flowVersion.create({
    data: { organizationId: organization.id, botId: bot.id, number: 1, flow: flow as object },
  });
  return db().deployment.create({
    data: {
      organizationId: organization.id,
      botId: bot.id,
      slug: `shared-${randomBytes(5).toString("hex")}`,
      name: "Shared",
      channels: ["hosted", "widget"],
      allowedDomains: [],
      rateLimits,
    },
  });
}

/** A new visitor's first turn, so only the deployment's limit can refuse it. */
async function startAs(instance: Handlers, slug: string) {
  const req = new Request(`${APP_URL}/api/chat/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: APP_URL },
    body: JSON.stringify({ endUserId: `v-${randomBytes(4).toString("hex")}`, input: { type: "start" } }),
  });
  const response = await instance.handleChatTurn({ req, prisma: db(), slug, appUrl: APP_URL });
  const text = await response.text();
  const error =
    response.status === 200 ? null : (JSON.parse(text) as { error: { code: string; message: string } }).error;
  return { status: response.status, headers: response.headers, error };
}

describe.skipIf(!redisUrl)("deployment rate limit shared through Redis", () => {
  const probe = redisUrl ? new Redis(redisUrl) : null;
  const keys: string[] = [];

  afterAll(async () => {
    if (keys.length) await probe?.del(...keys);
    probe?.disconnect();
  });

  it("counts the turns of both instances and refuses past the limit on either", async () => {
    const deployment = await createDeployment({ perUserPerMinute: 100, perDeploymentPerMinute: 4 });
    const key = `pixel:chat:deployment:${deployment.id}`;
    keys.push(key);

    const first = await freshInstance(redisUrl);
    const second = await freshInstance(redisUrl);
    expect(first).not.toBe(second);
    expect((await startAs(first, deployment.slug)).status).toBe(200);
    expect((await startAs(first, deployment.slug)).status).toBe(200);
    expect((await startAs(second, deployment.slug)).status).toBe(200);
    expect((await startAs(second, deployment.slug)).status).toBe(200);

    const refused = await startAs(second, deployment.slug);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.error?.code).toBe("rate-limited");
    expect((await startAs(first, deployment.slug)).status).toBe(429);
    expect(Number(await probe?.get(key))).toBeGreaterThanOrEqual(4);
  });
});

describe("deployment rate limit in memory", () => {
  it("refuses past the limit within one instance; another instance counts alone", async () => {
    const deployment = await createDeployment({ perUserPerMinute: 100, perDeploymentPerMinute: 3 });
    const first = await freshInstance(undefined);
    for (let i = 0; i < 3; i++) expect((await startAs(first, deployment.slug)).status).toBe(200);
    const refused = await startAs(first, deployment.slug);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.error).toMatchObject({ code: "rate-limited" });
    expect(refused.error?.message).toMatch(/^Too many messages\. Try again in \d+ s\.$/);

    // Without Redis nothing is shared: this is why production instances set REDIS_URL.
    const second = await freshInstance(undefined);
    expect((await startAs(second, deployment.slug)).status).toBe(200);
  });
});
