/**
 * What the AI layer (packages/ai) adds to one streamed call, against calling the provider directly in the
 * same run. Both sides stream the same answer from a local stand-in speaking OpenAI's Responses API over real
 * HTTP on 127.0.0.1, through the same provider package (@ai-sdk/openai) and the same `streamText` of `ai`:
 *
 *  - direct (baseline): `streamText` on a model built once with `createOpenAI({ baseURL, apiKey })(model)`, the
 *    factory the gateway uses for an "openai" candidate, so the bytes on the wire are the same.
 *  - gateway: `createAiGateway(deps).port(scope).streamText(request)` with production-shaped in-memory deps: a
 *    candidate source that finds the bot's fallback list and the key rows in Maps and decrypts the key with
 *    `decryptSecret` on every call, the memory cooldown store, a usage recorder that prices the attempt with
 *    `priceFor` / `costUsd` (organization overrides included) and keeps the record and the day's aggregate in
 *    memory, and a budget guard that runs `evaluateBudget` on the organization's, the bot's and the key's budgets
 *    against in-memory month-to-date spend. No database: the bench measures the layer, not PostgreSQL.
 *
 * The two cases run call by call in rotating order after a warm-up, sequentially; the overhead is gateway p50 − direct p50 (and p95), with the median of the
 * per-round differences beside it, the steadier figure on a busy machine. The layer's pieces are also timed
 * alone (µs per operation, batches of BATCH). The last line printed is one JSON object with the figures.
 */
import { randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createOpenAI } from "@ai-sdk/openai";
import {
  type AiGatewayDeps,
  type AttemptRecord,
  type BudgetDecision,
  type BudgetGuard,
  type CallScope,
  type Candidate,
  type CandidateSource,
  type CooldownStore,
  costUsd,
  createAiGateway,
  decryptSecret,
  encryptSecret,
  evaluateBudget,
  MemoryCooldownStore,
  type ModelPrice,
  monthKey,
  type ProviderKind,
  parseModelRef,
  priceFor,
  type UsageRecorder,
} from "@pixel/ai";
import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import type { AiPort } from "@pixel/flow";
import { streamText } from "ai";
import { type Measurement, measure, printRows, printTable } from "./measure.ts";

const N = Number(process.env.BENCH_ITERATIONS ?? 300);
/** Operations per sample when timing a piece alone: one piece takes a few µs, below the timer's useful grain. */
const BATCH = 100;
const GOAL_OVERHEAD_P50_MS = 0.5;

const MODEL = "gpt-4o-mini";
const SECRET = `sk-bench-${randomBytes(24).toString("hex")}`;
const REPLY = { chunks: ["Hello", " from", " the", " stand-in", "."], usage: { input: 42, output: 5 } };

type TextRequest = Parameters<AiPort["streamText"]>[0];

const SCOPE: CallScope = {
  organizationId: "org_bench",
  botId: "bot_bench",
  deploymentId: "dep_bench",
  conversationId: "conv_bench",
};

const REQUEST: TextRequest = {
  nodeId: "ai_step",
  modelPreference: { model: `openai:${MODEL}`, fallbacks: [] },
  system: "You are a helpful assistant for a bakery. Answer in one short sentence.",
  prompt: "Are you open on Sunday?",
  history: [],
  temperature: 0.3,
  maxTokens: 256,
};

// ---------------------------------------------------------------------------------------------------------
// Production-shaped deps, in memory
// ---------------------------------------------------------------------------------------------------------

/** A ProviderKey row: the secret only as ciphertext, as in the database. */
interface KeyRow {
  id: string;
  organizationId: string;
  provider: ProviderKind;
  encryptedSecret: string;
  baseUrl: string | null;
  disabled: boolean;
  expiresAt: number | null;
  preset: string | null;
}

interface FallbackEntry {
  providerKeyId: string;
  model: string;
}

interface BudgetRow {
  id: string;
  organizationId: string;
  scope: "organization" | "bot" | "provider_key";
  scopeId: string;
  monthlyLimitUsd: number;
  softLimitPercent: number;
  hardStop: boolean;
  softAlertedMonth: string | null;
}

interface Store {
  encryptionKey: Buffer;
  keys: Map<string, KeyRow>;
  /** Bot.settings.ai.fallback */
  botFallback: Map<string, FallbackEntry[]>;
  /** AiSettings.fallback */
  orgFallback: Map<string, FallbackEntry[]>;
  priceOverrides: Map<string, Record<string, ModelPrice>>;
  budgets: BudgetRow[];
  /** Month-to-date spend by "organization:<id>", "bot:<id>", "provider_key:<id>" (what UsageDaily sums to). */
  spend: Map<string, number>;
  attempts: AttemptRecord[];
  /** UsageDaily: day × organization × bot × deployment × key × provider × model. */
  daily: Map<string, { calls: number; tokensIn: number; tokensOut: number; costUsd: number }>;
}

function seed(baseUrl: string): Store {
  const encryptionKey = randomBytes(32);
  const org = SCOPE.organizationId;
  const row = (id: string, provider: ProviderKind, extra: Partial<KeyRow> = {}): KeyRow => ({
    id,
    organizationId: org,
    provider,
    encryptedSecret: encryptSecret(SECRET, encryptionKey),
    baseUrl,
    disabled: false,
    expiresAt: null,
    preset: null,
    ...extra,
  });
  const keys = new Map<string, KeyRow>(
    [
      row("key_openai", "openai"),
      row("key_anthropic", "anthropic"),
      row("key_old", "openai", { disabled: true }),
      row("key_groq", "openai-compatible", { preset: "groq" }),
    ].map((k) => [k.id, k]),
  );
  // The bot's list: the OpenAI key answers; Anthropic and Groq wait behind it (never called: the first answers).
  const botFallback = new Map([
    [
      SCOPE.botId as string,
      [
        { providerKeyId: "key_old", model: MODEL },
        { providerKeyId: "key_anthropic", model: "claude-haiku-4-5" },
        { providerKeyId: "key_openai", model: MODEL },
        { providerKeyId: "key_groq", model: "llama-3.3-70b-versatile" },
      ],
    ],
  ]);
  const orgFallback = new Map([[org, [{ providerKeyId: "key_openai", model: "gpt-5-mini" }]]]);
  const budget = (id: string, scope: BudgetRow["scope"], scopeId: string, limit: number): BudgetRow => ({
    id,
    organizationId: org,
    scope,
    scopeId,
    monthlyLimitUsd: limit,
    softLimitPercent: 80,
    hardStop: true,
    softAlertedMonth: null,
  });
  return {
    encryptionKey,
    keys,
    botFallback,
    orgFallback,
    priceOverrides: new Map([[org, { "anthropic:claude-haiku-4-5": { inputPerMillion: 0.9, outputPerMillion: 4.5 } }]]),
    budgets: [
      budget("b_org", "organization", org, 1_000_000),
      budget("b_bot", "bot", SCOPE.botId as string, 100_000),
      budget("b_key", "provider_key", "key_openai", 100_000),
      budget("b_other", "bot", "bot_other", 10),
    ],
    spend: new Map(),
    attempts: [],
    daily: new Map(),
  };
}

interface Pick {
  key: KeyRow;
  model: string;
}

/**
 * Routing without the secrets: the bot's list (else the organization's default), keys of this organization only,
 * disabled and expired ones left out, the model the step asked for moved up, repeats dropped.
 */
function routePicks(store: Store, scope: CallScope, preferredModel: string, now: number): Pick[] {
  const list =
    (scope.botId ? store.botFallback.get(scope.botId) : undefined) ?? store.orgFallback.get(scope.organizationId) ?? [];
  const ref = preferredModel.trim() ? parseModelRef(preferredModel) : null;
  const listed: Pick[] = [];
  for (const entry of list) {
    const key = store.keys.get(entry.providerKeyId);
    if (!key || key.organizationId !== scope.organizationId || key.disabled) continue;
    if (key.expiresAt !== null && key.expiresAt <= now) continue;
    listed.push({ key, model: entry.model });
  }
  const wanted = (p: Pick) =>
    ref !== null &&
    p.model === ref.model &&
    (!ref.provider || ref.provider === p.key.provider) &&
    (!ref.preset || ref.preset === p.key.preset);
  const first = listed.filter(wanted);
  const seen = new Set<string>();
  return [...first, ...listed.filter((p) => !wanted(p))].filter((p) => {
    const id = `${p.key.id}|${p.model}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function candidateSource(store: Store): CandidateSource {
  return {
    async candidates(scope, preferredModel) {
      const picks = routePicks(store, scope, preferredModel, Date.now());
      const opened = new Map<string, string>();
      return picks.map(({ key, model }) => {
        // As production does: the secret is decrypted for each call and lives only in the candidate.
        let secret = opened.get(key.id);
        if (secret === undefined) {
          secret = decryptSecret(key.encryptedSecret, store.encryptionKey);
          opened.set(key.id, secret);
        }
        return {
          credentials: {
            keyId: key.id,
            provider: key.provider,
            secret,
            ...(key.baseUrl ? { baseUrl: key.baseUrl } : {}),
          },
          model,
        } satisfies Candidate;
      });
    },
  };
}

function pricesOf(store: Store, provider: string, model: string, scope: CallScope): ModelPrice | null {
  return priceFor(provider, model, store.priceOverrides.get(scope.organizationId));
}

const dayKey = (at: Date) => at.toISOString().slice(0, 10);

/** Keeps every attempt; successful and partial ones are priced and added to the day's aggregate and the spend. */
function usageRecorder(store: Store): UsageRecorder {
  return {
    async record(attempt) {
      store.attempts.push(attempt);
      if (attempt.status !== "success" && attempt.status !== "partial") return;
      const usage = attempt.usage;
      const tokens = { tokensIn: usage?.tokensIn ?? 0, tokensOut: usage?.tokensOut ?? 0 };
      const price = pricesOf(store, attempt.provider, attempt.model, attempt.scope);
      const cost = price ? costUsd(tokens, price) : 0;
      const { scope } = attempt;
      const day = [
        dayKey(new Date()),
        scope.organizationId,
        scope.botId ?? "",
        scope.deploymentId ?? "",
        attempt.keyId ?? "",
        attempt.provider,
        attempt.model,
      ].join("|");
      const row = store.daily.get(day) ?? { calls: 0, tokensIn: 0, tokensOut: 0, costUsd: 0 };
      row.calls += 1;
      row.tokensIn += tokens.tokensIn;
      row.tokensOut += tokens.tokensOut;
      row.costUsd += cost;
      store.daily.set(day, row);
      const add = (k: string) => store.spend.set(k, (store.spend.get(k) ?? 0) + cost);
      add(`organization:${scope.organizationId}`);
      if (scope.botId) add(`bot:${scope.botId}`);
      if (attempt.keyId) add(`provider_key:${attempt.keyId}`);
    },
  };
}

/** The organization's, the bot's and each key's budgets against month-to-date spend; the tightest decides. */
function budgetGuard(store: Store): BudgetGuard {
  return {
    async check(scope, keyIds): Promise<BudgetDecision> {
      const month = monthKey(new Date());
      const keys = new Set(keyIds);
      const relevant = store.budgets.filter(
        (b) =>
          b.organizationId === scope.organizationId &&
          ((b.scope === "organization" && b.scopeId === scope.organizationId) ||
            (b.scope === "bot" && b.scopeId === scope.botId) ||
            (b.scope === "provider_key" && keys.has(b.scopeId))),
      );
      const blockedKeyIds: string[] = [];
      const soft: string[] = [];
      for (const budget of relevant) {
        const spentUsd = store.spend.get(`${budget.scope}:${budget.scopeId}`) ?? 0;
        const decision = evaluateBudget({
          spentUsd,
          limitUsd: budget.monthlyLimitUsd,
          softLimitPercent: budget.softLimitPercent,
          hardStop: budget.hardStop,
          alreadyAlertedThisMonth: budget.softAlertedMonth === month,
        });
        if (decision.kind === "stop") {
          if (budget.scope !== "provider_key") return { kind: "stop", message: `${budget.scope} budget reached` };
          blockedKeyIds.push(budget.scopeId);
        } else if (decision.kind === "soft") {
          if (decision.shouldAlert) budget.softAlertedMonth = month;
          soft.push(`${budget.scope} budget past its soft limit`);
        }
      }
      if (soft.length > 0) return { kind: "soft", message: soft.join("; "), blockedKeyIds };
      return { kind: "allow", blockedKeyIds };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------------------

async function drainGateway(port: AiPort): Promise<string> {
  let text = "";
  let finished = false;
  for await (const chunk of port.streamText(REQUEST)) {
    if (chunk.type === "delta") text += chunk.text;
    else if (chunk.type === "finish") finished = true;
  }
  if (!finished) throw new Error("the gateway stream ended without its finish chunk");
  return text;
}

const us = (m: Measurement) => (m.p50Ms * 1000) / BATCH;
const round = (value: number, digits: number) => Number(value.toFixed(digits));

async function main() {
  const standIn: StandIn = await startStandIn({ expectedKey: SECRET, defaultReply: REPLY });
  try {
    const store = seed(standIn.baseUrls.openai);
    const cooldowns: CooldownStore = new MemoryCooldownStore();
    const deps: AiGatewayDeps = {
      candidates: candidateSource(store),
      cooldowns,
      usage: usageRecorder(store),
      budgets: budgetGuard(store),
      prices: async (provider, model, scope) => pricesOf(store, provider, model, scope),
      unavailableMessage: async () => "This assistant is unavailable right now. Please try again later.",
      cooldownMs: 60_000,
    };
    const gateway = createAiGateway(deps);

    // The baseline: the same provider package, the same model factory and request, no layer.
    const direct = createOpenAI({ baseURL: standIn.baseUrls.openai, apiKey: SECRET })(MODEL);
    const expected = REPLY.chunks.join("");
    const callDirect = async () => {
      const result = streamText({
        model: direct,
        system: REQUEST.system,
        messages: [{ role: "user", content: REQUEST.prompt }],
        temperature: REQUEST.temperature,
        maxOutputTokens: REQUEST.maxTokens,
        maxRetries: 0,
      });
      let text = "";
      let finished = false;
      for await (const part of result.fullStream) {
        if (part.type === "text-delta") text += part.text;
        else if (part.type === "error") throw part.error;
        else if (part.type === "finish") finished = true;
      }
      if (!finished || text !== expected) throw new Error(`direct call answered "${text}"`);
    };
    const callGateway = async () => {
      const text = await drainGateway(gateway.port(SCOPE));
      if (text !== expected) throw new Error(`gateway call answered "${text}"`);
    };

    // Both paths are checked once, and the layer's result is checked to be what it should count.
    await callDirect();
    await callGateway();
    const last = store.attempts.at(-1);
    const price = priceFor("openai", MODEL) as ModelPrice;
    if (
      last?.status !== "success" ||
      last.keyId !== "key_openai" ||
      last.usage?.tokensIn !== REPLY.usage.input ||
      last.usage?.tokensOut !== REPLY.usage.output ||
      last.usage?.costUsd !== costUsd({ tokensIn: REPLY.usage.input, tokensOut: REPLY.usage.output }, price)
    ) {
      throw new Error(`unexpected attempt record: ${JSON.stringify(last)}`);
    }

    // Call by call, the order rotating every round, so load from the rest of the machine, GC and JIT land on
    // every case alike (a run per case would compare different moments of a busy machine).
    const [directM, gatewayM] = await measureInterleaved(N, [
      { name: "direct: streamText + @ai-sdk/openai → stand-in (baseline)", fn: callDirect },
      { name: "gateway: port(scope).streamText → same stand-in", fn: callGateway },
    ]);
    if (!directM || !gatewayM) throw new Error("missing measurement");

    // The pieces alone.
    const encrypted = (store.keys.get("key_openai") as KeyRow).encryptedSecret;
    const decrypt = await measure("decryptSecret (AES-256-GCM)", N, async () => {
      for (let i = 0; i < BATCH; i++) decryptSecret(encrypted, store.encryptionKey);
    });
    const routing = await measure("routing: fallback list, key rows, order, cooldowns", N, async () => {
      for (let i = 0; i < BATCH; i++) {
        const now = Date.now();
        for (const pick of routePicks(store, SCOPE, REQUEST.modelPreference.model, now)) {
          await cooldowns.coolingDown(pick.key.id, now);
        }
      }
    });
    const guard = budgetGuard(store);
    const keyIds = ["key_anthropic", "key_openai", "key_groq"];
    const budget = await measure("budget: evaluateBudget × 3 budgets", N, async () => {
      for (let i = 0; i < BATCH; i++) await guard.check(SCOPE, keyIds);
    });
    const recorder = usageRecorder(store);
    const attempt = last;
    const accounting = await measure("accounting: priceFor + costUsd + record", N, async () => {
      for (let i = 0; i < BATCH; i++) {
        const p = pricesOf(store, "openai", MODEL, SCOPE);
        const cost = p ? costUsd({ tokensIn: 42, tokensOut: 5 }, p) : 0;
        await recorder.record({
          ...attempt,
          usage: { ...(attempt.usage as NonNullable<AttemptRecord["usage"]>), costUsd: cost },
        });
      }
      store.attempts.length = 0;
    });

    const overheadP50 = gatewayM.p50Ms - directM.p50Ms;
    const overheadP95 = gatewayM.p95Ms - directM.p95Ms;
    const goalMet = overheadP50 <= GOAL_OVERHEAD_P50_MS;

    console.log(`\nAI layer overhead per streamed call (stand-in on ${standIn.url}, OpenAI Responses API, ${MODEL})`);
    console.log(
      `  ${REPLY.chunks.length} chunks, usage ${REPLY.usage.input}/${REPLY.usage.output} tokens; N = ${directM.iterations} calls per case, sequential, interleaved, after warm-up`,
    );
    console.log(`  ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(2)} at the end of the run\n`);
    printTable([directM, gatewayM], directM);
    console.log("");
    const ms = (value: number) => value.toFixed(3);
    printRows(
      ["overhead", "p50 ms", "p95 ms", "paired median ms", `goal ≤ ${GOAL_OVERHEAD_P50_MS} ms p50`],
      [
        [
          "gateway (the layer)",
          ms(overheadP50),
          ms(overheadP95),
          ms(pairedMedian(gatewayM, directM)),
          goalMet ? "met" : "MISSED",
        ],
      ],
    );
    console.log("");
    const piece = (m: Measurement) => [
      m.name,
      String(m.iterations * BATCH),
      ((m.p50Ms * 1000) / BATCH).toFixed(2),
      ((m.p95Ms * 1000) / BATCH).toFixed(2),
    ];
    printRows(["piece alone", "ops", "p50 µs/op", "p95 µs/op"], [decrypt, routing, budget, accounting].map(piece));
    console.log(
      `\n  Pieces alone: batches of ${BATCH} in a hot loop, so caches and the JIT are at their best; inside a`,
    );
    console.log(
      "  real call, between the SDK's and undici's work, the same code can run several times slower. The rest",
    );
    console.log("  of the overhead is the layer's streaming: the provider built per call for the decrypted key, an");
    console.log("  abort signal and first-token timer, two async generators over the SDK's fullStream, the records.");
    console.log(
      "  Each call decrypts every usable key of the bot's list (3 here), as the production candidate source does.\n",
    );

    console.log(
      JSON.stringify({
        bench: "ai",
        iterations: directM.iterations,
        direct_p50_ms: round(directM.p50Ms, 3),
        direct_p95_ms: round(directM.p95Ms, 3),
        gateway_p50_ms: round(gatewayM.p50Ms, 3),
        gateway_p95_ms: round(gatewayM.p95Ms, 3),
        overhead_p50_ms: round(overheadP50, 3),
        overhead_p95_ms: round(overheadP95, 3),
        overhead_paired_median_ms: round(pairedMedian(gatewayM, directM), 3),
        decrypt_us: round(us(decrypt), 2),
        routing_us: round(us(routing), 2),
        budget_us: round(us(budget), 2),
        accounting_us: round(us(accounting), 2),
        goal_overhead_p50_ms: GOAL_OVERHEAD_P50_MS,
        goal_met: goalMet,
      }),
    );
  } finally {
    await standIn.close();
  }
}

interface InterleavedMeasurement extends Measurement {
  /** Wall time of each call, in round order. */
  samples: number[];
}

/**
 * measure() for several cases at once: a warm-up of each, then N rounds of one call per case, the order rotating
 * every round. Percentiles follow measure()'s rule, over each case's own samples.
 */
async function measureInterleaved(
  iterations: number,
  cases: { name: string; fn: () => Promise<unknown> }[],
): Promise<InterleavedMeasurement[]> {
  for (let i = 0; i < Math.min(50, iterations); i++) for (const c of cases) await c.fn();
  const samples = cases.map(() => [] as number[]);
  for (let i = 0; i < iterations; i++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (i + k) % cases.length;
      const fn = (cases[index] as (typeof cases)[number]).fn;
      const t0 = performance.now();
      await fn();
      const elapsed = performance.now() - t0;
      (samples[index] as number[]).push(elapsed);
    }
  }
  return cases.map((c, index) => {
    const own = samples[index] as number[];
    const total = own.reduce((sum, x) => sum + x, 0);
    return {
      name: c.name,
      iterations,
      opsPerSecond: (iterations / total) * 1000,
      p50Ms: percentile(own, 0.5),
      p95Ms: percentile(own, 0.95),
      samples: own,
    };
  });
}

/** Median over the rounds of (a − b), both timed in the same round: the least load-sensitive view of a difference. */
function pairedMedian(a: InterleavedMeasurement, b: InterleavedMeasurement): number {
  return percentile(
    a.samples.map((x, i) => x - (b.samples[i] ?? 0)),
    0.5,
  );
}

/** The same rule as measure(): the sample at floor(q × n) of the sorted samples. */
function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
