import { AiUnavailableError } from "@pixel/ai";
import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBudgetGuard } from "../../src/services/ai/budget-guard.ts";
import { createAiRuntime } from "../../src/services/ai/runtime.ts";
import { callerFor, createOrganizationWithRoles, db, expectTrpcError, useTestDatabase } from "../helpers.ts";
import { captureConsole, createBot, startWebhookReceiver, type WebhookReceiver } from "./support.ts";

useTestDatabase();

const SECRET = "sk-test-budgets-0123456789abcdef";
const JAN = Date.UTC(2030, 0, 20, 12);
const FEB = Date.UTC(2030, 1, 3, 12);
const UNAVAILABLE = "Our assistant has reached its monthly budget. Please write to help@example.com.";

let standIn: StandIn;
let hook: WebhookReceiver;

beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: SECRET });
  hook = await startWebhookReceiver();
});
afterAll(async () => {
  await standIn?.close();
  await hook?.close();
});
beforeEach(() => {
  standIn.reset();
  hook.received.length = 0;
});

/** An organization with one OpenAI key on the stand-in, settings with the webhook and the owner's text. */
async function setup(options: { webhookUrl?: string | null } = {}) {
  const world = await createOrganizationWithRoles("Budgets");
  const admin = await callerFor(world.admin.user, world.organization.id);
  const key = await admin.providerKeys.create({
    provider: "openai",
    label: "Stand-in",
    secret: SECRET,
    baseUrl: standIn.baseUrls.openai,
    models: ["gpt-4o-mini"],
  });
  await admin.aiSettings.update({
    unavailableMessage: UNAVAILABLE,
    alertWebhookUrl: options.webhookUrl === undefined ? hook.url : options.webhookUrl,
  });
  return { world, admin, key, organizationId: world.organization.id };
}

async function spend(
  organizationId: string,
  day: string,
  costUsd: number,
  extra: { botId?: string; providerKeyId?: string } = {},
) {
  await db().usageDaily.create({
    data: {
      organizationId,
      day: new Date(`${day}T00:00:00Z`),
      provider: "openai",
      model: `gpt-4o-mini-${Math.random().toString(36).slice(2, 8)}`,
      calls: 1,
      tokensIn: 10n,
      tokensOut: 10n,
      costUsd,
      ...extra,
    },
  });
}

async function ask(runtime: ReturnType<typeof createAiRuntime>, organizationId: string, botId?: string) {
  let text = "";
  for await (const chunk of runtime.port({ organizationId, botId }).streamText({
    nodeId: "ai-1",
    modelPreference: { model: "openai:gpt-4o-mini" },
    system: "",
    prompt: "Hello?",
    history: [],
    temperature: 0,
    maxTokens: 64,
  })) {
    if (chunk.type === "delta") text += chunk.text;
  }
  return text;
}

describe("budget guard", () => {
  it("soft limit: raises the alert once a month — one audit row and one webhook POST, even under concurrent checks", async () => {
    const { organizationId } = await setup();
    const budget = await db().budget.create({
      data: {
        organizationId,
        scope: "organization",
        scopeId: organizationId,
        monthlyLimitUsd: 1,
        softLimitPercent: 50,
      },
    });
    await spend(organizationId, "2030-01-05", 0.6);
    const alerts: unknown[] = [];
    const guard = createBudgetGuard(db(), { now: () => JAN, onSoftLimit: (a) => void alerts.push(a) });

    const decisions = await Promise.all(Array.from({ length: 6 }, () => guard.check({ organizationId }, [])));
    for (const decision of decisions) expect(decision.kind).toBe("soft");
    expect(decisions[0]).toMatchObject({ message: expect.stringMatching(/organization budget at 60%/) });
    await guard.flush();
    await hook.waitFor(1);

    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]?.body).toEqual({
      event: "budget.soft_limit_reached",
      organizationId,
      scope: "organization",
      scopeId: organizationId,
      spentUsd: 0.6,
      limitUsd: 1,
      month: "2030-01",
    });
    expect(hook.received[0]?.headers["content-type"]).toBe("application/json");
    const audits = await db().auditLog.findMany({ where: { organizationId, action: "budget.soft_limit_reached" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: null, targetType: "budget", targetId: budget.id });
    expect(audits[0]?.metadata).toMatchObject({ spentUsd: 0.6, limitUsd: 1, percent: 60, month: "2030-01" });
    expect(alerts).toHaveLength(1);
    expect((await db().budget.findUniqueOrThrow({ where: { id: budget.id } })).softAlertedMonth).toBe("2030-01");

    // Later checks the same month: still soft, no second alert.
    await spend(organizationId, "2030-01-06", 0.1);
    expect((await guard.check({ organizationId }, [])).kind).toBe("soft");
    await guard.flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hook.received).toHaveLength(1);
    expect(await db().auditLog.count({ where: { organizationId, action: "budget.soft_limit_reached" } })).toBe(1);
  });

  it("hard stop: the guard says stop with the owner's text and the provider receives no request", async () => {
    const { organizationId, key } = await setup();
    await db().budget.create({
      data: {
        organizationId,
        scope: "organization",
        scopeId: organizationId,
        monthlyLimitUsd: 2,
        softLimitPercent: 80,
      },
    });
    await spend(organizationId, "2030-01-02", 2.5);
    const guard = createBudgetGuard(db(), { now: () => JAN });
    expect(await guard.check({ organizationId }, [key.id])).toEqual({ kind: "stop", message: UNAVAILABLE });

    const runtime = createAiRuntime(db(), { now: () => JAN, settingsTtlMs: 0 });
    const error = await ask(runtime, organizationId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiUnavailableError);
    expect(error).toMatchObject({ kind: "budget", message: UNAVAILABLE });
    expect(standIn.requests).toHaveLength(0);
    const blocked = await db().aiAttempt.findMany({ where: { organizationId } });
    expect(blocked.map((a) => a.status)).toEqual(["blocked_budget"]);
    // Crossing the hard limit also passed the soft share: the owner was told once.
    await runtime.budgets.flush();
    await guard.flush();
    await hook.waitFor(1);
    expect(await db().auditLog.count({ where: { organizationId, action: "budget.soft_limit_reached" } })).toBe(1);

    // Without a hard stop the bot keeps answering past the limit (and alerts, once).
    await db().budget.updateMany({ where: { organizationId }, data: { hardStop: false } });
    expect((await guard.check({ organizationId }, [key.id])).kind).toBe("soft");
    expect(await ask(runtime, organizationId)).not.toBe("");
    expect(standIn.requests).toHaveLength(1);
  });

  it("a new month resets: last month's spend does not count, and the soft alert can fire again", async () => {
    const { organizationId } = await setup();
    await db().budget.create({
      data: {
        organizationId,
        scope: "organization",
        scopeId: organizationId,
        monthlyLimitUsd: 1,
        softLimitPercent: 50,
      },
    });
    await spend(organizationId, "2030-01-31", 1.5);
    const january = createBudgetGuard(db(), { now: () => JAN });
    expect((await january.check({ organizationId }, [])).kind).toBe("stop");
    await january.flush();
    await hook.waitFor(1);

    const february = createBudgetGuard(db(), { now: () => FEB });
    expect(await february.check({ organizationId }, [])).toEqual({ kind: "allow" });
    const runtime = createAiRuntime(db(), { now: () => FEB, settingsTtlMs: 0 });
    expect(await ask(runtime, organizationId)).not.toBe("");
    expect(standIn.requests).toHaveLength(1);

    await spend(organizationId, "2030-02-01", 0.55);
    expect((await february.check({ organizationId }, [])).kind).toBe("soft");
    await february.flush();
    await hook.waitFor(2);
    expect(hook.received.map((r) => (r.body as { month: string }).month)).toEqual(["2030-01", "2030-02"]);
  });

  it("the tightest budget decides: a bot's budget stops its calls, a key's budget blocks only that key", async () => {
    const { organizationId, admin, key } = await setup({ webhookUrl: null });
    const other = await admin.providerKeys.create({
      provider: "openai",
      label: "Other",
      secret: SECRET,
      baseUrl: standIn.baseUrls.openai,
      models: ["gpt-4o-mini"],
    });
    const bot = await createBot(organizationId, "Support bot");
    const quiet = await createBot(organizationId, "Quiet bot");
    await db().budget.createMany({
      data: [
        { organizationId, scope: "organization", scopeId: organizationId, monthlyLimitUsd: 100 },
        { organizationId, scope: "bot", scopeId: bot.id, monthlyLimitUsd: 1 },
        { organizationId, scope: "provider_key", scopeId: key.id, monthlyLimitUsd: 1 },
      ],
    });
    await spend(organizationId, "2030-01-10", 1.2, { botId: bot.id, providerKeyId: other.id });
    await spend(organizationId, "2030-01-10", 1, { botId: quiet.id, providerKeyId: key.id });
    const guard = createBudgetGuard(db(), { now: () => JAN });
    expect((await guard.check({ organizationId, botId: bot.id }, [other.id])).kind).toBe("stop");
    // A key over its own budget is skipped, not the whole call: the gateway moves on to the next candidate.
    expect(await guard.check({ organizationId, botId: quiet.id }, [key.id, other.id])).toMatchObject({
      kind: "allow",
      blockedKeyIds: [key.id],
    });
    expect((await guard.check({ organizationId, botId: quiet.id }, [other.id])).kind).toBe("allow");
    expect((await guard.check({ organizationId }, [])).kind).toBe("allow");
    await guard.flush();
  });

  it("a failing or slow webhook never blocks the call", async () => {
    const slow = await startWebhookReceiver({ hang: true });
    const consoleCapture = captureConsole();
    try {
      const { organizationId } = await setup({ webhookUrl: slow.url });
      await db().budget.create({
        data: {
          organizationId,
          scope: "organization",
          scopeId: organizationId,
          monthlyLimitUsd: 1,
          softLimitPercent: 10,
        },
      });
      await spend(organizationId, "2030-01-03", 0.5);
      const guard = createBudgetGuard(db(), { now: () => JAN, webhookTimeoutMs: 300 });
      const started = Date.now();
      expect((await guard.check({ organizationId }, [])).kind).toBe("soft");
      expect(Date.now() - started).toBeLessThan(300);
      await slow.waitFor(1);
      await guard.flush();
      expect(
        consoleCapture.lines.some((l) => l.includes("budget alert webhook 127.0.0.1") && l.includes("timed out")),
      ).toBe(true);
      // The webhook URL's path and query (often a token) are not logged.
      expect(consoleCapture.lines.join("\n")).not.toContain("/hooks/budget");
    } finally {
      consoleCapture.restore();
      await slow.close();
    }
  });
});

describe("budgets router", () => {
  it("upserts, lists with month-to-date spend and percentage, re-arms the alert on a new limit, deletes", async () => {
    const { organizationId, admin, key, world } = await setup({ webhookUrl: null });
    const today = new Date().toISOString().slice(0, 10);
    await spend(organizationId, today, 3, { providerKeyId: key.id });
    const created = await admin.budgets.upsert({
      scope: "organization",
      scopeId: organizationId,
      monthlyLimitUsd: 4,
      softLimitPercent: 50,
    });
    expect(created).toMatchObject({
      scope: "organization",
      scopeName: world.organization.name,
      monthlyLimitUsd: 4,
      softLimitPercent: 50,
      hardStop: true,
      spentUsd: 3,
      percent: 75,
      state: "soft",
    });
    const keyBudget = await admin.budgets.upsert({ scope: "provider_key", scopeId: key.id, monthlyLimitUsd: 2.5 });
    expect(keyBudget).toMatchObject({
      scopeName: "Stand-in",
      spentUsd: 3,
      percent: 120,
      state: "stopped",
      softLimitPercent: 80,
    });

    const list = await admin.budgets.list();
    expect(list.map((b) => [b.scope, b.state])).toEqual([
      ["organization", "soft"],
      ["provider_key", "stopped"],
    ]);
    const viewer = await callerFor(world.viewer.user, organizationId);
    const status = await viewer.usage.budgetStatus();
    expect(status.stopped).toBe(true);
    expect(status.alerts.map((a) => [a.scope, a.state, a.percent])).toEqual([
      ["provider_key", "stopped", 120],
      ["organization", "soft", 75],
    ]);

    await db().budget.update({ where: { id: created.id }, data: { softAlertedMonth: created.month } });
    const raised = await admin.budgets.upsert({ scope: "organization", scopeId: organizationId, monthlyLimitUsd: 10 });
    expect(raised).toMatchObject({ id: created.id, monthlyLimitUsd: 10, state: "ok", alertedThisMonth: false });
    const actions = await db().auditLog.findMany({
      where: { organizationId, action: { startsWith: "budget." } },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["budget.created", "budget.created", "budget.updated"]);

    expect(await admin.budgets.delete({ budgetId: keyBudget.id })).toEqual({ deleted: keyBudget.id });
    expect((await admin.budgets.list()).map((b) => b.id)).toEqual([created.id]);
    await expectTrpcError(admin.budgets.delete({ budgetId: keyBudget.id }), "NOT_FOUND", /No such budget/);
  });

  it("refuses scopes outside the organization and bad numbers", async () => {
    const { organizationId, admin } = await setup({ webhookUrl: null });
    const elsewhere = await createOrganizationWithRoles("Elsewhere");
    const theirBot = await createBot(elsewhere.organization.id, "Their bot");
    const ownBot = await createBot(organizationId, "Own bot");
    await expectTrpcError(
      admin.budgets.upsert({ scope: "organization", scopeId: elsewhere.organization.id, monthlyLimitUsd: 1 }),
      "NOT_FOUND",
      /No such organization/,
    );
    await expectTrpcError(
      admin.budgets.upsert({ scope: "bot", scopeId: theirBot.id, monthlyLimitUsd: 1 }),
      "NOT_FOUND",
      /No such bot in this organization/,
    );
    await expectTrpcError(
      admin.budgets.upsert({ scope: "provider_key", scopeId: "nope", monthlyLimitUsd: 1 }),
      "NOT_FOUND",
      /No such provider key/,
    );
    await expectTrpcError(
      admin.budgets.upsert({ scope: "bot", scopeId: ownBot.id, monthlyLimitUsd: 0 }),
      "BAD_REQUEST",
      /The monthly limit must be at least \$0.0001/,
    );
    await expectTrpcError(
      admin.budgets.upsert({ scope: "bot", scopeId: ownBot.id, monthlyLimitUsd: 1, softLimitPercent: 101 }),
      "BAD_REQUEST",
      /softLimitPercent/,
    );
    const ok = await admin.budgets.upsert({ scope: "bot", scopeId: ownBot.id, monthlyLimitUsd: 1, hardStop: false });
    expect(ok).toMatchObject({ scope: "bot", scopeName: "Own bot", hardStop: false, state: "ok" });
  });
});
