/**
 * THE CANARY: a known provider secret goes in through the API and must never come out again — not in
 * any table of the database, not in any tRPC/HTTP response, not in any log line — while every
 * procedure of providerKeys, aiSettings, budgets and usage runs, and the gateway calls the provider.
 */

import { decryptSecret, encryptionKeyFromEnv } from "@pixel/ai";
import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import type { AnyProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../src/index.ts";
import { createAiRuntime } from "../../src/services/ai/runtime.ts";
import { createOrganizationWithRoles, db, type HttpResult, http, useTestDatabase } from "../helpers.ts";
import { captureConsole, countAllRows, databaseRowsContaining, startWebhookReceiver } from "./support.ts";

useTestDatabase();

const CANARY = "sk-canary-7f3a9c0e5b1d2468";
const ROTATED = "sk-canary-rotated-9e8d7c6b5a40";
const SECOND = "sk-canary-second-1a2b3c4d5e6f";
const HEADER_SECRET = "hdr-canary-0b1c2d3e4f5a6978";
const CANARIES = [CANARY, ROTATED, SECOND, HEADER_SECRET];
const ROUTERS = ["providerKeys", "aiSettings", "budgets", "usage"];

let standIn: StandIn;
let consoleCapture: ReturnType<typeof captureConsole>;
const responses: { path: string; result: HttpResult }[] = [];
const called = new Set<string>();

beforeAll(async () => {
  consoleCapture = captureConsole();
  standIn = await startStandIn({ expectedKey: [CANARY, ROTATED, SECOND] });
});
afterAll(async () => {
  consoleCapture?.restore();
  await standIn?.close();
});

function leaks(text: string): string[] {
  return CANARIES.filter((canary) => text.includes(canary));
}

describe("canary: the secret never leaves in clear", () => {
  it("is absent from the database, every response and every log line", async () => {
    const world = await createOrganizationWithRoles("Canary");
    const organizationId = world.organization.id;
    const hook = await startWebhookReceiver();
    const as = (user: { id: string; email: string }) => ({
      sessionUser: { id: user.id, email: user.email },
      headers: { "x-pixel-organization": organizationId },
    });

    /** Calls a procedure over real HTTP (handleTrpcRequest) as the owner and keeps the response. */
    async function call<T>(path: string, input?: unknown, user: { id: string; email: string } = world.owner.user) {
      const procedure = (appRouter._def.procedures as unknown as Record<string, AnyProcedure>)[path];
      const method = procedure?._def.type === "query" ? "GET" : "POST";
      const result = await http({ path, method, input, ...as(user) });
      responses.push({ path, result });
      called.add(path);
      return result as HttpResult & { data: T };
    }
    const ok = async <T>(path: string, input?: unknown) => {
      const result = await call<T>(path, input);
      expect(result.status, `${path}: ${result.text}`).toBe(200);
      return result.data;
    };

    // ── Keys ────────────────────────────────────────────────────────
    const key = await ok<{ id: string; masked: string }>("providerKeys.create", {
      provider: "openai",
      label: "Canary key",
      secret: CANARY,
      baseUrl: standIn.baseUrls.openai,
      models: ["gpt-4o-mini", "gpt-4o"],
    });
    expect(key.masked).toBe("••••2468");
    // The scan can see secrets: the stored ciphertext is found, and it really is the canary, encrypted.
    const stored = await db().providerKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(decryptSecret(stored.encryptedSecret, encryptionKeyFromEnv())).toBe(CANARY);
    expect((await databaseRowsContaining(stored.encryptedSecret)).length).toBeGreaterThan(0);
    expect(await databaseRowsContaining(CANARY)).toEqual([]);

    // A rejected request that carries the secret does not echo it.
    const rejected = await call("providerKeys.create", {
      provider: "custom",
      label: "Bad URL",
      secret: CANARY,
      baseUrl: "ftp://example.com",
      models: ["m"],
    });
    expect(rejected.status).toBe(400);

    const custom = await ok<{ id: string }>("providerKeys.create", {
      provider: "custom",
      label: "Custom with header",
      secret: SECOND,
      baseUrl: standIn.baseUrls.compatible,
      headers: { "X-Canary": HEADER_SECRET },
      models: ["house-model"],
    });
    await ok("providerKeys.list");
    await ok("providerKeys.update", { providerKeyId: key.id, label: "Canary key (renamed)", models: ["gpt-4o-mini"] });
    await ok("providerKeys.update", { providerKeyId: custom.id, headers: { "X-Canary": "" } });
    expect((await ok<{ ok: boolean }>("providerKeys.test", { providerKeyId: key.id })).ok).toBe(true);
    expect((await ok<{ ok: boolean }>("providerKeys.test", { providerKeyId: custom.id })).ok).toBe(true);
    standIn.enqueue({ fault: "unauthorized" });
    expect((await ok<{ ok: boolean }>("providerKeys.test", { providerKeyId: key.id })).ok).toBe(false);
    standIn.enqueue({ fault: "server-error" });
    await ok("providerKeys.test", { providerKeyId: key.id, model: "gpt-4o" });
    await ok("providerKeys.revisions", { providerKeyId: key.id });
    await ok("providerKeys.setDisabled", { providerKeyId: key.id, disabled: true });
    expect((await call("providerKeys.test", { providerKeyId: key.id })).status).toBe(400);
    await ok("providerKeys.setDisabled", { providerKeyId: key.id, disabled: false });
    await ok("providerKeys.localOllama");
    // Forbidden and not-found answers too.
    expect((await call("providerKeys.list", undefined, world.editor.user)).status).toBe(403);
    expect((await call("providerKeys.rotate", { providerKeyId: "nope", secret: CANARY })).status).toBe(404);

    // ── Settings and budgets ────────────────────────────────────────
    await ok("aiSettings.get");
    await ok("aiSettings.update", {
      fallback: [
        { providerKeyId: key.id, model: "gpt-4o-mini" },
        { providerKeyId: custom.id, model: "house-model" },
      ],
      alertWebhookUrl: hook.url,
      unavailableMessage: "Out of budget.",
    });
    const budget = await ok<{ id: string }>("budgets.upsert", {
      scope: "provider_key",
      scopeId: key.id,
      monthlyLimitUsd: 0.0001,
      softLimitPercent: 1,
      hardStop: false,
    });
    await ok("budgets.list");

    // ── The gateway: success, failures before the first token, a partial answer ──
    const runtime = createAiRuntime(db(), { settingsTtlMs: 0 });
    const ask = async () => {
      let text = "";
      try {
        for await (const chunk of runtime.port({ organizationId, botId: null }).streamText({
          nodeId: "n",
          modelPreference: { model: "gpt-4o-mini" },
          system: "",
          prompt: "Say something",
          history: [],
          temperature: 0,
          maxTokens: 50,
        })) {
          if (chunk.type === "delta") text += chunk.text;
        }
      } catch (error) {
        text += ` [${error instanceof Error ? error.message : String(error)}]`;
      }
      return text;
    };
    const answers = [await ask()];
    standIn.enqueue({ fault: "unauthorized" }, { text: "second answers" });
    answers.push(await ask());
    standIn.enqueue({ text: "one two three four five six", fault: "cut-mid-stream", faultAfterChunks: 2 });
    answers.push(await ask());
    expect(answers[0]).not.toMatch(/\[/);
    expect(answers[1]).toBe("second answers");
    expect(answers[2]).toMatch(/cut off/);
    for (const [i, text] of answers.entries()) responses.push({ path: `gateway:${i}`, result: fakeResult(text) });
    await runtime.budgets.flush();
    await hook.waitFor(1);
    expect(await db().aiAttempt.count({ where: { organizationId } })).toBeGreaterThanOrEqual(4);

    // ── Usage ───────────────────────────────────────────────────────
    const today = new Date();
    await ok("usage.summary", { from: today, to: today });
    await ok("usage.csv", { from: today, to: today });
    await ok("usage.catalogue");
    await ok("usage.budgetStatus");

    // ── Rotation and deletion ───────────────────────────────────────
    await ok("providerKeys.rotate", { providerKeyId: key.id, secret: ROTATED });
    expect((await ok<{ ok: boolean }>("providerKeys.test", { providerKeyId: key.id })).ok).toBe(true);
    await ok("providerKeys.delete", { providerKeyId: custom.id });
    await ok("budgets.delete", { budgetId: budget.id });
    await ok("providerKeys.list");
    await ok("aiSettings.get");
    await hook.close();

    // ── Every procedure of the four routers was called ──────────────
    const all = Object.keys(appRouter._def.procedures).filter((p) => ROUTERS.includes(p.split(".")[0] ?? ""));
    expect(all.length).toBeGreaterThanOrEqual(18);
    expect(all.filter((p) => !called.has(p))).toEqual([]);

    // (a) the database: every row of every table, cast to text.
    expect(await countAllRows()).toBeGreaterThan(30);
    for (const canary of CANARIES) expect(await databaseRowsContaining(canary), canary).toEqual([]);
    // (b) every response, body and headers.
    expect(responses.length).toBeGreaterThan(30);
    for (const { path, result } of responses) {
      const headers = [...result.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n");
      expect(leaks(`${result.text}\n${headers}`), path).toEqual([]);
    }
    // (c) the logs.
    expect(leaks(consoleCapture.lines.join("\n"))).toEqual([]);
  });
});

function fakeResult(text: string): HttpResult {
  return { status: 200, headers: new Headers(), text, body: null, data: text, error: null };
}
