import { type AttemptRecord, costUsd, priceFor } from "@pixel/ai";
import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCandidateSource } from "../../src/services/ai/candidates.ts";
import { cooldownStoreFromEnv, createDbCooldownStore } from "../../src/services/ai/cooldowns.ts";
import { createAiRuntime } from "../../src/services/ai/runtime.ts";
import { encryptionKey } from "../../src/services/ai/secrets.ts";
import { createUsageRecorder } from "../../src/services/ai/usage.ts";
import { callerFor, createOrganizationWithRoles, db, expectTrpcError, useTestDatabase } from "../helpers.ts";
import { createBot } from "./support.ts";

useTestDatabase();

const SECRET = "sk-test-usage-0123456789abcdef";
let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: SECRET });
});
afterAll(async () => {
  await standIn?.close();
});
beforeEach(() => standIn.reset());

async function organization() {
  const world = await createOrganizationWithRoles("Usage");
  const admin = await callerFor(world.admin.user, world.organization.id);
  return { world, admin, organizationId: world.organization.id };
}

function attempt(organizationId: string, overrides: Partial<AttemptRecord> & { day?: string } = {}): AttemptRecord {
  return {
    scope: { organizationId },
    keyId: null,
    provider: "openai",
    model: "gpt-4o-mini",
    status: "success",
    latencyMs: 120,
    firstTokenMs: 40,
    usage: { provider: "openai", model: "gpt-4o-mini", tokensIn: 100, tokensOut: 50, costUsd: 0.000045 },
    ...overrides,
  };
}

describe("usage recorder", () => {
  it("writes one attempt per call and upserts the daily aggregate atomically under concurrent records", async () => {
    const { organizationId } = await organization();
    const bot = await createBot(organizationId, "Busy bot");
    const recorder = createUsageRecorder(db(), { now: () => Date.UTC(2030, 4, 6, 23, 59) });
    const scope = { organizationId, botId: bot.id, deploymentId: "dep-1", conversationId: "conv-1" };
    const records = Array.from({ length: 40 }, (_, i) =>
      attempt(organizationId, {
        scope,
        usage: { model: "gpt-4o-mini", tokensIn: 10 + i, tokensOut: 5 + i, costUsd: 0.000123 },
      }),
    );
    const failures = Array.from({ length: 5 }, () =>
      attempt(organizationId, { scope, status: "failed", errorCode: "rate_limited", usage: undefined }),
    );
    await Promise.all([...records, ...failures].map((r) => recorder.record(r)));

    const daily = await db().usageDaily.findMany({ where: { organizationId } });
    expect(daily).toHaveLength(1);
    expect(daily[0]).toMatchObject({
      botId: bot.id,
      deploymentId: "dep-1",
      providerKeyId: "",
      provider: "openai",
      model: "gpt-4o-mini",
      calls: 40,
      tokensIn: BigInt(records.reduce((sum, r) => sum + (r.usage?.tokensIn ?? 0), 0)),
      tokensOut: BigInt(records.reduce((sum, r) => sum + (r.usage?.tokensOut ?? 0), 0)),
    });
    expect(daily[0]?.day.toISOString()).toBe("2030-05-06T00:00:00.000Z");
    expect(Number(daily[0]?.costUsd)).toBeCloseTo(40 * 0.000123, 9);

    const attempts = await db().aiAttempt.findMany({ where: { organizationId } });
    expect(attempts).toHaveLength(45);
    expect(attempts.filter((a) => a.status === "failed")).toHaveLength(5);
    expect(attempts.every((a) => a.conversationId === "conv-1" && a.deploymentId === "dep-1")).toBe(true);
    expect(attempts.every((a) => a.createdAt.toISOString() === "2030-05-06T23:59:00.000Z")).toBe(true);
  });

  it("keeps the attempt when its key was deleted meanwhile", async () => {
    const { organizationId } = await organization();
    const recorder = createUsageRecorder(db());
    await recorder.record(attempt(organizationId, { keyId: "deleted-key" }));
    const row = await db().aiAttempt.findFirstOrThrow({ where: { organizationId } });
    expect(row.providerKeyId).toBeNull();
    const daily = await db().usageDaily.findFirstOrThrow({ where: { organizationId } });
    expect(daily.providerKeyId).toBe("deleted-key");
  });
});

describe("usage router: summary and CSV", () => {
  it("match the recorded attempts by day, provider, model and bot", async () => {
    const { organizationId, world } = await organization();
    const sales = await createBot(organizationId, "Sales, EMEA");
    const support = await createBot(organizationId, "=Support");
    const plan: {
      day: string;
      provider: string;
      model: string;
      botId?: string;
      tokensIn: number;
      tokensOut: number;
      cost: number;
    }[] = [
      {
        day: "2030-03-01",
        provider: "openai",
        model: "gpt-4o-mini",
        botId: sales.id,
        tokensIn: 100,
        tokensOut: 20,
        cost: 0.01,
      },
      {
        day: "2030-03-01",
        provider: "openai",
        model: "gpt-4o-mini",
        botId: sales.id,
        tokensIn: 50,
        tokensOut: 30,
        cost: 0.02,
      },
      {
        day: "2030-03-01",
        provider: "anthropic",
        model: "claude-haiku-4-5",
        botId: support.id,
        tokensIn: 10,
        tokensOut: 10,
        cost: 0.5,
      },
      {
        day: "2030-03-03",
        provider: "openai",
        model: "gpt-4o",
        botId: support.id,
        tokensIn: 7,
        tokensOut: 3,
        cost: 0.25,
      },
      { day: "2030-03-03", provider: "openai", model: "gpt-4o", tokensIn: 1, tokensOut: 2, cost: 0.125 },
      // Outside the range: not counted.
      {
        day: "2030-02-28",
        provider: "openai",
        model: "gpt-4o",
        botId: sales.id,
        tokensIn: 999,
        tokensOut: 999,
        cost: 9,
      },
    ];
    for (const p of plan) {
      const recorder = createUsageRecorder(db(), { now: () => new Date(`${p.day}T10:00:00Z`).getTime() });
      await recorder.record(
        attempt(organizationId, {
          scope: { organizationId, botId: p.botId ?? null },
          provider: p.provider,
          model: p.model,
          usage: { model: p.model, tokensIn: p.tokensIn, tokensOut: p.tokensOut, costUsd: p.cost },
        }),
      );
      // Failed attempts never count.
      await recorder.record(
        attempt(organizationId, { status: "failed", usage: undefined, provider: p.provider, model: p.model }),
      );
    }
    const viewer = await callerFor(world.viewer.user, organizationId);
    const summary = await viewer.usage.summary({ from: new Date("2030-03-01"), to: new Date("2030-03-04") });
    const counted = plan.filter((p) => p.day >= "2030-03-01");
    const sum = (items: typeof plan) => ({
      calls: items.length,
      tokensIn: items.reduce((s, p) => s + p.tokensIn, 0),
      tokensOut: items.reduce((s, p) => s + p.tokensOut, 0),
      costUsd: items.reduce((s, p) => s + p.cost, 0),
    });
    expect(summary.from).toBe("2030-03-01");
    expect(summary.to).toBe("2030-03-04");
    expect(summary.totals).toEqual(sum(counted));
    expect(summary.byDay).toEqual([
      { day: "2030-03-01", ...sum(counted.filter((p) => p.day === "2030-03-01")) },
      { day: "2030-03-02", calls: 0, tokensIn: 0, tokensOut: 0, costUsd: 0 },
      { day: "2030-03-03", ...sum(counted.filter((p) => p.day === "2030-03-03")) },
      { day: "2030-03-04", calls: 0, tokensIn: 0, tokensOut: 0, costUsd: 0 },
    ]);
    expect(summary.byProvider).toEqual([
      { provider: "anthropic", ...sum(counted.filter((p) => p.provider === "anthropic")) },
      { provider: "openai", ...sum(counted.filter((p) => p.provider === "openai")) },
    ]);
    expect(summary.byModel.map((m) => [m.provider, m.model, m.calls])).toEqual([
      ["anthropic", "claude-haiku-4-5", 1],
      ["openai", "gpt-4o", 2],
      ["openai", "gpt-4o-mini", 2],
    ]);
    expect(summary.byBot).toEqual([
      { botId: support.id, botName: "=Support", ...sum(counted.filter((p) => p.botId === support.id)) },
      { botId: null, botName: "No bot", ...sum(counted.filter((p) => !p.botId)) },
      { botId: sales.id, botName: "Sales, EMEA", ...sum(counted.filter((p) => p.botId === sales.id)) },
    ]);

    const csv = await viewer.usage.csv({ from: new Date("2030-03-01"), to: new Date("2030-03-04") });
    expect(csv).toMatchObject({
      filename: "usage-2030-03-01-to-2030-03-04.csv",
      contentType: "text/csv; charset=utf-8",
      rows: 4,
    });
    expect(csv.csv.split("\r\n")).toEqual([
      "day,provider,model,bot,calls,tokens_in,tokens_out,cost_usd",
      "2030-03-01,anthropic,claude-haiku-4-5,'=Support,1,10,10,0.500000",
      `2030-03-01,openai,gpt-4o-mini,"Sales, EMEA",2,150,50,0.030000`,
      // Rows of the same day, provider and model are ordered by bot id; "" (no bot) first.
      ...["", support.id]
        .sort()
        .map((id) =>
          id === ""
            ? "2030-03-03,openai,gpt-4o,No bot,1,1,2,0.125000"
            : "2030-03-03,openai,gpt-4o,'=Support,1,7,3,0.250000",
        ),
      "",
    ]);
  });

  it("validates the range: from ≤ to, at most 366 days", async () => {
    const { admin } = await organization();
    await expectTrpcError(
      admin.usage.summary({ from: new Date("2030-03-02"), to: new Date("2030-03-01") }),
      "BAD_REQUEST",
      /must be on or after from/,
    );
    await expectTrpcError(
      admin.usage.csv({ from: new Date("2029-01-01"), to: new Date("2030-03-01") }),
      "BAD_REQUEST",
      /at most 366 days/,
    );
    const year = await admin.usage.summary({ from: new Date("2028-01-01"), to: new Date("2028-12-31") });
    expect(year.byDay).toHaveLength(366);
  });
});

describe("candidate source", () => {
  it("orders the bot's list, else the organization's, else every enabled key; leaves out disabled, expired and foreign keys", async () => {
    const { admin, organizationId } = await organization();
    const make = (label: string, provider: "openai" | "anthropic", models: string[], expiresAt?: Date) =>
      admin.providerKeys.create({ provider, label, secret: `${SECRET}-${label}`, models, expiresAt });
    const openai = await make("openai", "openai", ["gpt-4o-mini", "gpt-4o"]);
    const anthropic = await make("anthropic", "anthropic", ["claude-haiku-4-5"]);
    const off = await make("off", "openai", ["gpt-4o"]);
    await admin.providerKeys.setDisabled({ providerKeyId: off.id, disabled: true });
    const expired = await make("expired", "openai", ["gpt-4o"], new Date(Date.now() - 1000));
    const foreign = await (async () => {
      const other = await organization();
      return other.admin.providerKeys.create({ provider: "openai", label: "x", secret: SECRET, models: ["gpt-4o"] });
    })();
    const source = createCandidateSource(db(), encryptionKey);
    const pairs = async (scope: { organizationId: string; botId?: string }, preferred: string) =>
      (await source.candidates(scope, preferred)).map((c) => [c.credentials.keyId, c.model]);

    // 3. No list anywhere: every usable key with its preferred model; the asked-for model first.
    expect(await pairs({ organizationId }, "")).toEqual([
      [openai.id, "gpt-4o-mini"],
      [anthropic.id, "claude-haiku-4-5"],
    ]);
    expect(await pairs({ organizationId }, "anthropic:claude-sonnet-4-5")).toEqual([
      [anthropic.id, "claude-sonnet-4-5"],
      [openai.id, "gpt-4o-mini"],
      [anthropic.id, "claude-haiku-4-5"],
    ]);
    expect(await pairs({ organizationId }, "gpt-4o")).toEqual([
      [openai.id, "gpt-4o"],
      [openai.id, "gpt-4o-mini"],
      [anthropic.id, "claude-haiku-4-5"],
    ]);

    // 2. The organization's order.
    await admin.aiSettings.update({
      fallback: [
        { providerKeyId: anthropic.id, model: "claude-haiku-4-5" },
        { providerKeyId: off.id, model: "gpt-4o" },
        { providerKeyId: expired.id, model: "gpt-4o" },
        { providerKeyId: openai.id, model: "gpt-4o" },
      ],
    });
    expect(await pairs({ organizationId }, "")).toEqual([
      [anthropic.id, "claude-haiku-4-5"],
      [openai.id, "gpt-4o"],
    ]);
    expect(await pairs({ organizationId }, "openai:gpt-4o")).toEqual([
      [openai.id, "gpt-4o"],
      [anthropic.id, "claude-haiku-4-5"],
    ]);

    // 1. The bot's own list wins; another organization's key in it is ignored.
    const bot = await createBot(organizationId, "Own list", {
      ai: {
        fallback: [
          { providerKeyId: foreign.id, model: "gpt-4o" },
          { providerKeyId: openai.id, model: "gpt-4o-mini" },
        ],
      },
    });
    expect(await pairs({ organizationId, botId: bot.id }, "")).toEqual([[openai.id, "gpt-4o-mini"]]);
    const plain = await createBot(organizationId, "No list");
    expect(await pairs({ organizationId, botId: plain.id }, "")).toEqual([
      [anthropic.id, "claude-haiku-4-5"],
      [openai.id, "gpt-4o"],
    ]);

    // Secrets are decrypted for the call.
    const [first] = await source.candidates({ organizationId, botId: bot.id }, "");
    expect(first?.credentials).toMatchObject({ provider: "openai", secret: `${SECRET}-openai` });
    // A bot of another organization named in the scope gives nothing of it.
    expect(await pairs({ organizationId: foreign.id, botId: bot.id }, "")).toEqual([]);
  });
});

describe("cooldowns", () => {
  it("the database store only ever extends a rest", async () => {
    const { admin } = await organization();
    const key = await admin.providerKeys.create({ provider: "openai", label: "c", secret: SECRET, models: ["gpt-4o"] });
    const store = createDbCooldownStore(db());
    const now = Date.now();
    expect(await store.coolingDown(key.id, now)).toBe(false);
    await store.coolDown(key.id, now + 60_000);
    await store.coolDown(key.id, now + 1_000);
    expect(await store.coolingDown(key.id, now + 30_000)).toBe(true);
    expect(await store.coolingDown(key.id, now + 61_000)).toBe(false);
    expect(cooldownStoreFromEnv(db(), {})).toBeDefined();
  });
});

describe("runtime: through the real provider package to the stand-in", () => {
  it("streams, records the attempt and the daily usage with the catalogue price", async () => {
    const { admin, organizationId } = await organization();
    const key = await admin.providerKeys.create({
      provider: "openai",
      label: "Stand-in",
      secret: SECRET,
      baseUrl: standIn.baseUrls.openai,
      models: ["gpt-4o-mini"],
    });
    const bot = await createBot(organizationId, "Streamer");
    standIn.enqueue({ chunks: ["Hello", ", ", "world"], usage: { input: 1200, output: 345 } });
    const runtime = createAiRuntime(db(), { settingsTtlMs: 0 });
    const deltas: string[] = [];
    let finish: unknown;
    for await (const chunk of runtime.port({ organizationId, botId: bot.id, deploymentId: "dep-9" }).streamText({
      nodeId: "n1",
      modelPreference: { model: "openai:gpt-4o-mini" },
      system: "Be brief.",
      prompt: "Hi",
      history: [],
      temperature: 0,
      maxTokens: 100,
    })) {
      if (chunk.type === "delta") deltas.push(chunk.text);
      else finish = chunk.usage;
    }
    expect(deltas.join("")).toBe("Hello, world");
    const price = priceFor("openai", "gpt-4o-mini");
    expect(price).not.toBeNull();
    const expectedCost = costUsd({ tokensIn: 1200, tokensOut: 345 }, price as NonNullable<typeof price>);
    expect(finish).toMatchObject({
      provider: "openai",
      model: "gpt-4o-mini",
      tokensIn: 1200,
      tokensOut: 345,
      costUsd: expectedCost,
    });

    const attempts = await db().aiAttempt.findMany({ where: { organizationId } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      status: "success",
      providerKeyId: key.id,
      botId: bot.id,
      tokensIn: 1200,
      tokensOut: 345,
    });
    expect(Number(attempts[0]?.costUsd)).toBeCloseTo(expectedCost, 9);
    const daily = await db().usageDaily.findFirstOrThrow({ where: { organizationId } });
    expect(daily).toMatchObject({
      calls: 1,
      tokensIn: 1200n,
      tokensOut: 345n,
      providerKeyId: key.id,
      deploymentId: "dep-9",
    });
    expect(Number(daily.costUsd)).toBeCloseTo(expectedCost, 9);
  });

  it("falls back on a 429 before the first token; the failed key rests for the organization's cooldown", async () => {
    const { admin, organizationId } = await organization();
    const first = await admin.providerKeys.create({
      provider: "openai",
      label: "First",
      secret: SECRET,
      baseUrl: standIn.baseUrls.openai,
      models: ["gpt-4o-mini"],
    });
    const second = await admin.providerKeys.create({
      provider: "openai-compatible",
      preset: "groq",
      label: "Second",
      secret: SECRET,
      baseUrl: standIn.baseUrls.compatible,
      models: ["llama-3.1-8b-instant"],
    });
    await admin.aiSettings.update({
      cooldownSeconds: 600,
      priceOverrides: { "openai-compatible:llama-3.1-8b-instant": { inputPerMillion: 1, outputPerMillion: 2 } },
    });
    standIn.enqueue(
      { fault: "rate-limit", retryAfterSeconds: 1 },
      { text: "From the second", usage: { input: 1000, output: 500 } },
    );
    const runtime = createAiRuntime(db(), { settingsTtlMs: 0 });
    const started = Date.now();
    let text = "";
    for await (const chunk of runtime.port({ organizationId }).streamText({
      nodeId: "n1",
      modelPreference: { model: "gpt-4o-mini" },
      system: "",
      prompt: "Hi",
      history: [],
      temperature: 0,
      maxTokens: 100,
    })) {
      if (chunk.type === "delta") text += chunk.text;
    }
    expect(text).toBe("From the second");
    const attempts = await db().aiAttempt.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } });
    expect(attempts.map((a) => [a.providerKeyId, a.status, a.errorCode])).toEqual([
      [first.id, "failed", "rate_limited"],
      [second.id, "success", null],
    ]);
    // Price override of the organization: 1000 × $1 + 500 × $2 per million.
    expect(Number(attempts[1]?.costUsd)).toBeCloseTo(0.002, 9);
    const rested = await db().providerKey.findUniqueOrThrow({ where: { id: first.id } });
    const restMs = (rested.cooldownUntil?.getTime() ?? 0) - started;
    expect(restMs).toBeGreaterThan(590_000);
    expect(restMs).toBeLessThan(610_000);
    const listed = (await admin.providerKeys.list()).find((k) => k.id === first.id);
    expect(listed?.status).toBe("cooling_down");
  });
});
