import { decryptSecret, encryptionKeyFromEnv } from "@pixel/ai";
import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callerFor, createOrganizationWithRoles, db, expectTrpcError, useTestDatabase } from "../helpers.ts";
import "./support.ts";

useTestDatabase();

const SECRET = "sk-test-keys-0123456789abcdef";
let standIn: StandIn;
let world: Awaited<ReturnType<typeof createOrganizationWithRoles>>;
let other: Awaited<ReturnType<typeof createOrganizationWithRoles>>;

beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: [SECRET, "sk-test-rotated-fedcba9876543210"] });
  world = await createOrganizationWithRoles("Keys");
  other = await createOrganizationWithRoles("Other");
});
afterAll(async () => {
  await standIn?.close();
});
beforeEach(() => standIn.reset());

const owner = () => callerFor(world.owner.user, world.organization.id);
const admin = () => callerFor(world.admin.user, world.organization.id);

async function createOpenAiKey(label = "Main OpenAI", extra: { expiresAt?: Date | null } = {}) {
  const caller = await admin();
  return caller.providerKeys.create({
    provider: "openai",
    label,
    secret: SECRET,
    baseUrl: standIn.baseUrls.openai,
    models: ["gpt-4o-mini", "gpt-4o"],
    ...extra,
  });
}

describe("providerKeys: create and list", () => {
  it("stores the secret encrypted and lists it masked, with a 'created' revision and an audit row", async () => {
    const created = await createOpenAiKey();
    expect(created).toMatchObject({
      label: "Main OpenAI",
      provider: "openai",
      lastFour: "cdef",
      masked: "••••cdef",
      models: ["gpt-4o-mini", "gpt-4o"],
      status: "active",
      revisionCount: 1,
      keyless: false,
    });
    expect(JSON.stringify(created)).not.toContain(SECRET);

    const row = await db().providerKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.encryptedSecret).toMatch(/^v1:/);
    expect(row.encryptedSecret).not.toContain(SECRET);
    expect(decryptSecret(row.encryptedSecret, encryptionKeyFromEnv())).toBe(SECRET);

    const list = await (await owner()).providerKeys.list();
    const listed = list.find((k) => k.id === created.id);
    expect(listed).toBeDefined();
    expect(Object.keys(listed ?? {})).not.toContain("encryptedSecret");
    expect(JSON.stringify(list)).not.toContain(row.encryptedSecret);

    const audit = await db().auditLog.findFirstOrThrow({
      where: { targetId: created.id, action: "provider_key.created" },
    });
    expect(audit.metadata).toEqual({ label: "Main OpenAI", provider: "openai", lastFour: "cdef" });
    expect(audit.actorId).toBe(world.admin.user.id);
  });

  it("a keyless local preset (Ollama) needs no secret; hosted presets and plain compatible servers do", async () => {
    const caller = await admin();
    const ollama = await caller.providerKeys.create({
      provider: "openai-compatible",
      preset: "ollama",
      label: "Local Ollama",
      baseUrl: standIn.baseUrls.compatible,
      models: ["llama3.2"],
    });
    expect(ollama).toMatchObject({ keyless: true, masked: null, preset: "ollama", lastFour: "" });
    await expectTrpcError(
      caller.providerKeys.create({
        provider: "openai-compatible",
        preset: "groq",
        label: "Groq",
        baseUrl: "https://api.groq.com/openai/v1",
        models: ["llama-3.1-8b-instant"],
      }),
      "BAD_REQUEST",
      /Groq needs an API key/,
    );
    await expectTrpcError(
      caller.providerKeys.create({
        provider: "openai-compatible",
        label: "vLLM",
        baseUrl: "http://127.0.0.1:8000/v1",
        models: ["x"],
      }),
      "BAD_REQUEST",
      /needs an API key/,
    );
    await expectTrpcError(
      caller.providerKeys.create({
        provider: "openai-compatible",
        preset: "nope",
        label: "?",
        secret: SECRET,
        baseUrl: "http://127.0.0.1:8000/v1",
        models: ["x"],
      }),
      "BAD_REQUEST",
      /Unknown preset "nope"/,
    );
  });

  it("validates inputs with clear messages: http(s) base URLs only, a required base URL, at least one model", async () => {
    const caller = await admin();
    await expectTrpcError(
      caller.providerKeys.create({
        provider: "custom",
        label: "x",
        baseUrl: "ftp://example.com/v1",
        models: ["m"],
      } as never),
      "BAD_REQUEST",
      /Use an http:\/\/ or https:\/\/ URL/,
    );
    await expectTrpcError(
      caller.providerKeys.create({ provider: "custom", label: "x", models: ["m"] } as never),
      "BAD_REQUEST",
      /baseUrl/,
    );
    await expectTrpcError(
      caller.providerKeys.create({ provider: "openai", label: "x", secret: SECRET, models: [] }),
      "BAD_REQUEST",
      /Choose at least one model/,
    );
    await expectTrpcError(
      caller.providerKeys.create({ provider: "anthropic", label: "x", models: ["m"] } as never),
      "BAD_REQUEST",
      /secret/,
    );
  });

  it("custom servers keep header values encrypted and list header names only", async () => {
    const caller = await admin();
    const key = await caller.providerKeys.create({
      provider: "custom",
      label: "Gateway",
      secret: SECRET,
      baseUrl: `${standIn.url}/my/v1`,
      headers: { "X-Gateway-Token": "gw-token-value-123456" },
      models: ["house-model"],
    });
    expect(key.headerNames).toEqual(["X-Gateway-Token"]);
    expect(JSON.stringify(key)).not.toContain("gw-token-value-123456");
    const row = await db().providerKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(JSON.stringify(row.settings)).not.toContain("gw-token-value-123456");

    // "" keeps a stored value; a header without one is refused.
    const kept = await caller.providerKeys.update({ providerKeyId: key.id, headers: { "X-Gateway-Token": "" } });
    expect(kept.headerNames).toEqual(["X-Gateway-Token"]);
    const after = await db().providerKey.findUniqueOrThrow({ where: { id: key.id } });
    expect((after.settings as { headers: Record<string, string> }).headers["X-Gateway-Token"]).toBe(
      (row.settings as { headers: Record<string, string> }).headers["X-Gateway-Token"],
    );
    await expectTrpcError(
      caller.providerKeys.update({ providerKeyId: key.id, headers: { "X-New": "" } }),
      "BAD_REQUEST",
      /Header "X-New" needs a value/,
    );

    // The live test sends the decrypted header to the server.
    const result = await caller.providerKeys.test({ providerKeyId: key.id });
    expect(result.ok).toBe(true);
    expect(standIn.requests.at(-1)?.headers["x-gateway-token"]).toBe("gw-token-value-123456");
  });
});

describe("providerKeys: update, test, rotate, disable, expiry, delete", () => {
  it("updates label, models, base URL and expiry with an audit row naming the changed fields", async () => {
    const key = await createOpenAiKey("Before");
    const caller = await admin();
    const expiresAt = new Date(Date.now() + 30 * 86_400_000);
    const updated = await caller.providerKeys.update({
      providerKeyId: key.id,
      label: "After",
      models: ["gpt-4o"],
      expiresAt,
    });
    expect(updated).toMatchObject({ label: "After", models: ["gpt-4o"], expiresSoon: false, expired: false });
    expect(updated.expiresAt?.getTime()).toBe(expiresAt.getTime());
    const audit = await db().auditLog.findFirstOrThrow({ where: { targetId: key.id, action: "provider_key.updated" } });
    expect(audit.metadata).toMatchObject({
      label: "After",
      lastFour: "cdef",
      changed: ["models", "label", "expiresAt"],
    });

    // First-party keys may drop their base URL (proxy); compatible ones may not.
    const cleared = await caller.providerKeys.update({ providerKeyId: key.id, baseUrl: null });
    expect(cleared.baseUrl).toBeNull();
    const compatible = await caller.providerKeys.create({
      provider: "openai-compatible",
      label: "Together",
      secret: SECRET,
      baseUrl: standIn.baseUrls.compatible,
      models: ["m"],
    });
    await expectTrpcError(
      caller.providerKeys.update({ providerKeyId: compatible.id, baseUrl: null }),
      "BAD_REQUEST",
      /needs a base URL/,
    );
    await expectTrpcError(
      caller.providerKeys.update({ providerKeyId: key.id, headers: { "X-A": "b" } }),
      "BAD_REQUEST",
      /Custom headers are for OpenAI-compatible and custom servers/,
    );
  });

  it("tests the connection live: the result is stored, returned and audited", async () => {
    const key = await createOpenAiKey("Tested");
    const caller = await admin();
    const ok = await caller.providerKeys.test({ providerKeyId: key.id });
    expect(ok).toMatchObject({ ok: true, model: "gpt-4o-mini" });
    expect(ok.message).toMatch(/Connected: openai gpt-4o-mini answered in \d+ ms/);
    expect(standIn.requests).toHaveLength(1);
    expect(standIn.requests[0]?.route).toBe("openai-responses");

    standIn.enqueue({ fault: "unauthorized" });
    const refused = await caller.providerKeys.test({ providerKeyId: key.id, model: "gpt-4o" });
    expect(refused).toMatchObject({ ok: false, model: "gpt-4o" });
    expect(refused.message).toMatch(/Refused: the provider says the key is invalid \(401\)/);
    expect(refused.message).not.toContain(SECRET);

    const [listed] = (await caller.providerKeys.list()).filter((k) => k.id === key.id);
    expect(listed).toMatchObject({ lastTestOk: false, lastTestMessage: refused.message });
    expect(listed?.lastTestedAt).toBeInstanceOf(Date);
    const audits = await db().auditLog.findMany({ where: { targetId: key.id, action: "provider_key.tested" } });
    expect(audits.map((a) => (a.metadata as { ok: boolean }).ok).sort()).toEqual([false, true]);
  });

  it("rotates: the new secret replaces the old, history keeps last fours only", async () => {
    const key = await createOpenAiKey("Rotating");
    const caller = await admin();
    await caller.providerKeys.test({ providerKeyId: key.id });
    const rotated = await caller.providerKeys.rotate({
      providerKeyId: key.id,
      secret: "sk-test-rotated-fedcba9876543210",
    });
    expect(rotated).toMatchObject({ lastFour: "3210", masked: "••••3210", revisionCount: 2, lastTestOk: null });
    expect(rotated.rotatedAt).toBeInstanceOf(Date);

    const row = await db().providerKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(decryptSecret(row.encryptedSecret, encryptionKeyFromEnv())).toBe("sk-test-rotated-fedcba9876543210");

    const revisions = await caller.providerKeys.revisions({ providerKeyId: key.id });
    expect(revisions.map((r) => [r.event, r.lastFour])).toEqual([
      ["rotated", "3210"],
      ["created", "cdef"],
    ]);
    expect(revisions[0]?.actor?.email).toBe(world.admin.user.email);
    expect(JSON.stringify(revisions)).not.toMatch(/sk-test/);
    const stored = await db().providerKeyRevision.findMany({ where: { providerKeyId: key.id } });
    expect(JSON.stringify(stored)).not.toMatch(/sk-test/);

    const audit = await db().auditLog.findFirstOrThrow({ where: { targetId: key.id, action: "provider_key.rotated" } });
    expect(audit.metadata).toEqual({
      label: "Rotating",
      provider: "openai",
      lastFour: "3210",
      previousLastFour: "cdef",
    });

    // The rotated secret is the one sent now.
    const result = await caller.providerKeys.test({ providerKeyId: key.id });
    expect(result.ok).toBe(true);
    expect(standIn.requests.at(-1)?.headers.authorization).toBe("Bearer ****3210");
  });

  it("flags a key expiring within 14 days, and refuses to test an expired one", async () => {
    const soon = await createOpenAiKey("Soon", { expiresAt: new Date(Date.now() + 3 * 86_400_000) });
    expect(soon).toMatchObject({ expiresSoon: true, expired: false, status: "active", daysUntilExpiry: 2 });

    const expired = await createOpenAiKey("Expired", { expiresAt: new Date(Date.now() - 86_400_000) });
    expect(expired).toMatchObject({ expiresSoon: false, expired: true, status: "expired", daysUntilExpiry: null });
    const caller = await admin();
    await expectTrpcError(
      caller.providerKeys.test({ providerKeyId: expired.id }),
      "BAD_REQUEST",
      /This key expired on \d{4}-\d{2}-\d{2}\. Rotate it or set a later expiry date/,
    );
    expect(standIn.requests).toHaveLength(0);

    // A later expiry date brings it back.
    await caller.providerKeys.update({ providerKeyId: expired.id, expiresAt: null });
    expect((await caller.providerKeys.test({ providerKeyId: expired.id })).ok).toBe(true);
  });

  it("disables and enables a key; a disabled key is refused for tests", async () => {
    const key = await createOpenAiKey("Switch");
    const caller = await admin();
    const disabled = await caller.providerKeys.setDisabled({ providerKeyId: key.id, disabled: true });
    expect(disabled).toMatchObject({ disabled: true, status: "disabled" });
    await expectTrpcError(
      caller.providerKeys.test({ providerKeyId: key.id }),
      "BAD_REQUEST",
      /This key is disabled\. Enable it before testing/,
    );
    const enabled = await caller.providerKeys.setDisabled({ providerKeyId: key.id, disabled: false });
    expect(enabled.status).toBe("active");
    const actions = await db().auditLog.findMany({
      where: { targetId: key.id, action: { in: ["provider_key.disabled", "provider_key.enabled"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["provider_key.disabled", "provider_key.enabled"]);
  });

  it("deletes a key: gone from the list, the fallback order and its budget; other keys stay", async () => {
    const keep = await createOpenAiKey("Keep");
    const gone = await createOpenAiKey("Gone");
    const caller = await admin();
    await caller.aiSettings.update({
      fallback: [
        { providerKeyId: gone.id, model: "gpt-4o" },
        { providerKeyId: keep.id, model: "gpt-4o-mini" },
      ],
    });
    await caller.budgets.upsert({ scope: "provider_key", scopeId: gone.id, monthlyLimitUsd: 5 });
    expect(await caller.providerKeys.delete({ providerKeyId: gone.id })).toEqual({ deleted: gone.id });

    expect((await caller.providerKeys.list()).map((k) => k.id)).not.toContain(gone.id);
    const settings = await caller.aiSettings.get();
    expect(settings.fallback.map((f) => f.providerKeyId)).toEqual([keep.id]);
    expect(await db().budget.count({ where: { scopeId: gone.id } })).toBe(0);
    expect(await db().providerKeyRevision.count({ where: { providerKeyId: gone.id } })).toBe(0);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { targetId: gone.id, action: "provider_key.deleted" },
    });
    expect(audit.metadata).toEqual({ label: "Gone", provider: "openai", lastFour: "cdef" });
    await expectTrpcError(caller.providerKeys.delete({ providerKeyId: gone.id }), "NOT_FOUND", /No such provider key/);
  });

  it("another organization's key is NOT_FOUND for every key procedure", async () => {
    const theirs = await (await callerFor(other.owner.user, other.organization.id)).providerKeys.create({
      provider: "openai",
      label: "Theirs",
      secret: SECRET,
      models: ["gpt-4o-mini"],
    });
    const caller = await owner();
    const id = { providerKeyId: theirs.id };
    await expectTrpcError(caller.providerKeys.update({ ...id, label: "x" }), "NOT_FOUND");
    await expectTrpcError(caller.providerKeys.test(id), "NOT_FOUND");
    await expectTrpcError(caller.providerKeys.rotate({ ...id, secret: "sk-xxxxxxxxxxxx" }), "NOT_FOUND");
    await expectTrpcError(caller.providerKeys.setDisabled({ ...id, disabled: true }), "NOT_FOUND");
    await expectTrpcError(caller.providerKeys.revisions(id), "NOT_FOUND");
    await expectTrpcError(caller.providerKeys.delete(id), "NOT_FOUND");
    await expectTrpcError(caller.aiSettings.update({ fallback: [{ ...id, model: "gpt-4o" }] }), "NOT_FOUND");
    await expectTrpcError(
      caller.budgets.upsert({ scope: "provider_key", scopeId: theirs.id, monthlyLimitUsd: 1 }),
      "NOT_FOUND",
    );
    expect((await caller.providerKeys.list()).map((k) => k.id)).not.toContain(theirs.id);
    const row = await db().providerKey.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(row).toMatchObject({ label: "Theirs", disabled: false, lastTestedAt: null });
  });
});

describe("roles: only owners and admins manage keys, settings and budgets", () => {
  it("editors and viewers get FORBIDDEN; every member reads usage and the catalogue", async () => {
    const key = await createOpenAiKey("Roles");
    for (const member of [world.editor, world.viewer]) {
      const caller = await callerFor(member.user, world.organization.id);
      const forbidden = /needs the admin role or higher/;
      await expectTrpcError(caller.providerKeys.list(), "FORBIDDEN", forbidden);
      await expectTrpcError(
        caller.providerKeys.create({ provider: "openai", label: "x", secret: SECRET, models: ["m"] }),
        "FORBIDDEN",
        forbidden,
      );
      await expectTrpcError(caller.providerKeys.update({ providerKeyId: key.id, label: "x" }), "FORBIDDEN");
      await expectTrpcError(caller.providerKeys.test({ providerKeyId: key.id }), "FORBIDDEN");
      await expectTrpcError(
        caller.providerKeys.rotate({ providerKeyId: key.id, secret: "sk-xxxxxxxxxx" }),
        "FORBIDDEN",
      );
      await expectTrpcError(caller.providerKeys.setDisabled({ providerKeyId: key.id, disabled: true }), "FORBIDDEN");
      await expectTrpcError(caller.providerKeys.delete({ providerKeyId: key.id }), "FORBIDDEN");
      await expectTrpcError(caller.providerKeys.revisions({ providerKeyId: key.id }), "FORBIDDEN");
      await expectTrpcError(caller.aiSettings.get(), "FORBIDDEN");
      await expectTrpcError(caller.aiSettings.update({ cooldownSeconds: 30 }), "FORBIDDEN");
      await expectTrpcError(caller.budgets.list(), "FORBIDDEN");
      await expectTrpcError(
        caller.budgets.upsert({ scope: "organization", scopeId: world.organization.id, monthlyLimitUsd: 1 }),
        "FORBIDDEN",
      );
      const today = new Date();
      await expect(caller.usage.summary({ from: today, to: today })).resolves.toMatchObject({ totals: { calls: 0 } });
      await expect(caller.usage.catalogue()).resolves.toMatchObject({ date: expect.any(String) });
      await expect(caller.usage.budgetStatus()).resolves.toMatchObject({ alerts: [] });
    }
    const row = await db().providerKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row).toMatchObject({ label: "Roles", disabled: false });
  });

  it("owners manage keys too", async () => {
    const caller = await owner();
    const key = await caller.providerKeys.create({
      provider: "google",
      label: "Gemini",
      secret: SECRET,
      models: ["gemini-2.5-flash"],
    });
    expect(key.provider).toBe("google");
    await caller.providerKeys.delete({ providerKeyId: key.id });
  });
});

describe("aiSettings", () => {
  it("returns defaults, then saves fallback order, texts, webhook, cooldown and price overrides", async () => {
    const fresh = await createOrganizationWithRoles("Settings");
    const caller = await callerFor(fresh.admin.user, fresh.organization.id);
    expect(await caller.aiSettings.get()).toEqual({
      fallback: [],
      unavailableMessage: "This assistant is unavailable right now. Please try again later.",
      alertWebhookUrl: null,
      cooldownSeconds: 60,
      priceOverrides: {},
      updatedAt: null,
    });
    const a = await caller.providerKeys.create({ provider: "openai", label: "A", secret: SECRET, models: ["gpt-4o"] });
    const b = await caller.providerKeys.create({
      provider: "mistral",
      label: "B",
      secret: SECRET,
      models: ["mistral-small-latest"],
    });
    await caller.providerKeys.setDisabled({ providerKeyId: b.id, disabled: true });
    const saved = await caller.aiSettings.update({
      fallback: [
        { providerKeyId: a.id, model: "gpt-4o" },
        { providerKeyId: b.id, model: "mistral-small-latest" },
      ],
      unavailableMessage: "We are out of budget, back soon.",
      alertWebhookUrl: "https://hooks.example.com/budget?token=abc",
      cooldownSeconds: 120,
      priceOverrides: { "openai:gpt-4o": { inputPerMillion: 1, outputPerMillion: 2 } },
    });
    expect(saved).toMatchObject({
      fallback: [
        { providerKeyId: a.id, model: "gpt-4o", label: "A", provider: "openai", usable: true },
        { providerKeyId: b.id, model: "mistral-small-latest", label: "B", provider: "mistral", usable: false },
      ],
      unavailableMessage: "We are out of budget, back soon.",
      alertWebhookUrl: "https://hooks.example.com/budget?token=abc",
      cooldownSeconds: 120,
    });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { organizationId: fresh.organization.id, action: "ai_settings.updated" },
    });
    expect(audit.metadata).toMatchObject({ alertWebhookHost: "hooks.example.com", cooldownSeconds: 120 });
    expect(JSON.stringify(audit.metadata)).not.toContain("token=abc");

    const catalogue = await caller.usage.catalogue();
    const gpt4o = catalogue.models.find((m) => m.provider === "openai" && m.id === "gpt-4o");
    expect(gpt4o).toMatchObject({ inputPerMillion: 1, outputPerMillion: 2, overridden: true });
    expect(gpt4o?.cataloguePrice.inputPerMillion).toBeGreaterThan(1);

    // Partial updates leave the rest alone; null removes the webhook.
    const partial = await caller.aiSettings.update({ alertWebhookUrl: null });
    expect(partial).toMatchObject({ alertWebhookUrl: null, cooldownSeconds: 120 });
    expect(partial.fallback).toHaveLength(2);
  });

  it("refuses bad values with clear messages", async () => {
    const caller = await admin();
    const key = await createOpenAiKey("Twice");
    await expectTrpcError(
      caller.aiSettings.update({
        fallback: [
          { providerKeyId: key.id, model: "gpt-4o" },
          { providerKeyId: key.id, model: "gpt-4o" },
        ],
      }),
      "BAD_REQUEST",
      /lists gpt-4o with the same key twice/,
    );
    await expectTrpcError(
      caller.aiSettings.update({ fallback: [{ providerKeyId: "missing", model: "gpt-4o" }] }),
      "NOT_FOUND",
      /No such provider key in this organization: missing/,
    );
    await expectTrpcError(
      caller.aiSettings.update({ alertWebhookUrl: "javascript:alert(1)" }),
      "BAD_REQUEST",
      /alertWebhookUrl/,
    );
    await expectTrpcError(
      caller.aiSettings.update({ priceOverrides: { "acme:model": { inputPerMillion: 1, outputPerMillion: 1 } } }),
      "BAD_REQUEST",
      /must be named "<provider>:<model>"/,
    );
    await expectTrpcError(caller.aiSettings.update({ cooldownSeconds: 1 }), "BAD_REQUEST", /cooldownSeconds/);
  });
});

describe("localOllama", () => {
  it("answers whether an Ollama runs locally, as a ready keyless provider", async () => {
    const result = await (await admin()).providerKeys.localOllama();
    expect(result).toMatchObject({
      provider: "openai-compatible",
      preset: "ollama",
      baseUrl: "http://127.0.0.1:11434/v1",
    });
    expect(typeof result.available).toBe("boolean");
    expect(Array.isArray(result.models)).toBe(true);
  });
});
