import { describe, expect, it } from "vitest";
import { createCandidateSource } from "../../src/services/ai/candidates.ts";
import { createDbCooldownStore } from "../../src/services/ai/cooldowns.ts";
import { createAiRuntime } from "../../src/services/ai/runtime.ts";
import { encryptionKey } from "../../src/services/ai/secrets.ts";
import { callerFor, createOrganizationWithRoles, db, useTestDatabase } from "../helpers.ts";
import "./support.ts";

useTestDatabase();

const SECRET = "sk-test-routing-0123456789abcdef";

async function organization() {
  const world = await createOrganizationWithRoles("Routing cache");
  const admin = await callerFor(world.admin.user, world.organization.id);
  return { admin, organizationId: world.organization.id };
}

describe("cached AI routing", () => {
  it("reuses an organization's keys within the TTL, hands out the same candidates, and forgets on request", async () => {
    const { admin, organizationId } = await organization();
    const first = await admin.providerKeys.create({
      provider: "openai",
      label: "a",
      secret: SECRET,
      models: ["gpt-4o"],
    });
    const source = createCandidateSource(db(), encryptionKey, { ttlMs: 60_000 });
    const scope = { organizationId };
    const before = await source.candidates(scope, "");
    expect(before.map((c) => c.credentials.keyId)).toEqual([first.id]);
    // The same objects again (the gateway builds a provider model once per candidate).
    expect((await source.candidates(scope, ""))[0]).toBe(before[0]);

    // A change behind the cache's back is not seen within the TTL…
    await db().providerKey.update({ where: { id: first.id }, data: { disabled: true } });
    expect((await source.candidates(scope, "")).map((c) => c.credentials.keyId)).toEqual([first.id]);
    // …until the organization is forgotten (what the API's mutations do).
    source.forget(organizationId);
    expect(await source.candidates(scope, "")).toEqual([]);
  });

  it("never serves a key past its expiry, even from the cache", async () => {
    const { admin, organizationId } = await organization();
    const soon = new Date(Date.now() + 60_000);
    const key = await admin.providerKeys.create({
      provider: "openai",
      label: "expiring",
      secret: SECRET,
      models: ["gpt-4o"],
      expiresAt: soon,
    });
    let now = Date.now();
    const source = createCandidateSource(db(), encryptionKey, { ttlMs: 60_000, now: () => now });
    expect((await source.candidates({ organizationId }, "")).map((c) => c.credentials.keyId)).toEqual([key.id]);
    now = soon.getTime() + 1;
    expect(await source.candidates({ organizationId }, "")).toEqual([]);
  });

  it("key and budget changes through the API apply to the process's runtime at once", async () => {
    const { admin, organizationId } = await organization();
    const key = await admin.providerKeys.create({ provider: "openai", label: "a", secret: SECRET, models: ["gpt-4o"] });
    // The API's mutations invalidate the memoised runtime of their Prisma client: the memoised one here.
    const memoised = createAiRuntime(db());
    const check = () => memoised.budgets.check({ organizationId }, [key.id]);
    expect(await check()).toEqual({ kind: "allow" });
    await admin.budgets.upsert({
      scope: "organization",
      scopeId: organizationId,
      monthlyLimitUsd: 0.01,
      softLimitPercent: 80,
      hardStop: true,
    });
    await db().usageDaily.create({
      data: {
        organizationId,
        day: new Date(),
        botId: "",
        deploymentId: "",
        providerKeyId: key.id,
        provider: "openai",
        model: "gpt-4o",
        calls: 1,
        tokensIn: 10,
        tokensOut: 10,
        costUsd: 1,
      },
    });
    expect((await check()).kind).toBe("stop");
  });
});

describe("cached cooldowns", () => {
  it("re-reads a key's rest after the TTL; a rest set here counts at once", async () => {
    const { admin } = await organization();
    const key = await admin.providerKeys.create({ provider: "openai", label: "a", secret: SECRET, models: ["gpt-4o"] });
    const store = createDbCooldownStore(db(), 60_000);
    const now = Date.now();
    expect(await store.coolingDown(key.id, now)).toBe(false);
    await store.coolDown(key.id, now + 30_000);
    expect(await store.coolingDown(key.id, now)).toBe(true);
    const fresh = createDbCooldownStore(db(), 0);
    expect(await fresh.coolingDown(key.id, now)).toBe(true);
    expect(await fresh.coolingDown(key.id, now + 31_000)).toBe(false);
  });
});
