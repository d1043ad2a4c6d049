import {
  type AiGateway,
  type AttemptRecord,
  type CallScope,
  type Candidate,
  createAiGateway,
  priceFor,
  type UsageRecorder,
} from "@pixel/ai";
import type { PrismaClient } from "@pixel/db";
import { type BudgetGuardOptions, createBudgetGuard, type DbBudgetGuard } from "./budget-guard.ts";
import { createCandidateSource } from "./candidates.ts";
import { cooldownStoreFromEnv } from "./cooldowns.ts";
import {
  DEFAULT_COOLDOWN_SECONDS,
  DEFAULT_UNAVAILABLE_MESSAGE,
  type PriceOverrides,
  readPriceOverrides,
} from "./schemas.ts";
import { encryptionKey } from "./secrets.ts";
import { createUsageRecorder, type TimedAttempt } from "./usage.ts";

export interface AiRuntimeOptions {
  /** Default: PIXEL_ENCRYPTION_KEY. */
  encryptionKey?: Buffer;
  /** Provider calls and the alert webhook (tests point them at local stand-ins). */
  fetch?: typeof fetch;
  now?: () => number;
  env?: Record<string, string | undefined>;
  firstTokenTimeoutMs?: number;
  onSoftLimit?: BudgetGuardOptions["onSoftLimit"];
  /** How long the organization's AI settings (prices, texts, cooldown) are cached. Default 5 000 ms; 0 = never. */
  settingsTtlMs?: number;
  /**
   * How long an organization's routing (keys, fallback lists), budget list and key cooldowns are reused between
   * calls. Default 2 000 ms (0 when settingsTtlMs is 0); changes made through this process's API apply at once.
   */
  routingTtlMs?: number;
}

export interface PortOptions {
  /**
   * Attempts are collected here instead of being written one by one, for the caller to write with the rest of
   * its turn in one statement (the chat service); it must write them, also when the turn fails.
   */
  deferUsageTo?: TimedAttempt[];
}

export type AiPort = ReturnType<AiGateway["port"]>;

export interface AiRuntime {
  gateway: AiGateway;
  /** The port a flow's AI steps call, bound to who is spending. */
  port(scope: CallScope, options?: PortOptions): AiPort;
  testConnection: AiGateway["testConnection"];
  budgets: DbBudgetGuard;
  /** Forget what is cached of an organization (after a change of its AI settings, keys or budgets here). */
  invalidate(organizationId: string): void;
}

interface OrgAiSettings {
  priceOverrides: PriceOverrides;
  unavailableMessage: string;
  cooldownSeconds: number;
}

/** Wires the database-backed seams into the gateway of @pixel/ai. */
function buildRuntime(prisma: PrismaClient, options: AiRuntimeOptions): AiRuntime {
  const ttl = options.settingsTtlMs ?? 5_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; value: Promise<OrgAiSettings> }>();
  const settingsOf = (organizationId: string): Promise<OrgAiSettings> => {
    const hit = cache.get(organizationId);
    // Wall-clock TTL (an injected `now` may be frozen in tests).
    if (hit && Date.now() - hit.at < ttl) return hit.value;
    const value = prisma.aiSettings
      .findUnique({
        where: { organizationId },
        select: { priceOverrides: true, unavailableMessage: true, cooldownSeconds: true },
      })
      .then((row) => ({
        priceOverrides: readPriceOverrides(row?.priceOverrides),
        unavailableMessage: row?.unavailableMessage || DEFAULT_UNAVAILABLE_MESSAGE,
        cooldownSeconds: row?.cooldownSeconds ?? DEFAULT_COOLDOWN_SECONDS,
      }));
    if (ttl > 0) {
      cache.set(organizationId, { at: Date.now(), value });
      value.catch(() => cache.delete(organizationId));
    }
    return value;
  };

  const routingTtl = options.routingTtlMs ?? (ttl === 0 ? 0 : 2_000);
  const budgets = createBudgetGuard(prisma, {
    onSoftLimit: options.onSoftLimit,
    fetch: options.fetch,
    now,
    ttlMs: routingTtl,
  });
  const candidates = createCandidateSource(prisma, options.encryptionKey ?? encryptionKey, { now, ttlMs: routingTtl });
  const recorder = createUsageRecorder(prisma, { now });
  const deferred = new WeakMap<CallScope, TimedAttempt[]>();
  const usage: UsageRecorder = {
    async record(attempt: AttemptRecord) {
      const sink = deferred.get(attempt.scope);
      if (sink) sink.push({ attempt, at: new Date(now()) });
      else await recorder.record(attempt);
    },
  };
  const gateway = createAiGateway({
    candidates,
    cooldowns: cooldownStoreFromEnv(prisma, options.env ?? process.env, Math.min(routingTtl, 1_000)),
    usage,
    budgets,
    prices: async (provider, model, scope) =>
      priceFor(provider, model, (await settingsOf(scope.organizationId)).priceOverrides),
    unavailableMessage: async (scope) => (await settingsOf(scope.organizationId)).unavailableMessage,
    cooldownMs: async (scope) => (await settingsOf(scope.organizationId)).cooldownSeconds * 1000,
    ...(options.firstTokenTimeoutMs ? { firstTokenTimeoutMs: options.firstTokenTimeoutMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    now,
  });
  return {
    gateway,
    port: (scope, portOptions) => {
      if (portOptions?.deferUsageTo) deferred.set(scope, portOptions.deferUsageTo);
      return gateway.port(scope);
    },
    testConnection: (candidate: Candidate) => gateway.testConnection(candidate),
    budgets,
    invalidate: (organizationId) => {
      cache.delete(organizationId);
      candidates.forget(organizationId);
      budgets.forget(organizationId);
    },
  };
}

const runtimes = new WeakMap<PrismaClient, AiRuntime>();

/**
 * The AI runtime of a Prisma client. Without options it is memoised (one per client, so one per
 * process in the app); with options (tests, benches) a fresh one is built.
 */
export function createAiRuntime(prisma: PrismaClient, options?: AiRuntimeOptions): AiRuntime {
  if (options) return buildRuntime(prisma, options);
  let runtime = runtimes.get(prisma);
  if (!runtime) {
    runtime = buildRuntime(prisma, {});
    runtimes.set(prisma, runtime);
  }
  return runtime;
}

/** After a settings change: the memoised runtime (if any) of this client forgets the organization's cached settings. */
export function forgetAiSettings(prisma: PrismaClient, organizationId: string): void {
  runtimes.get(prisma)?.invalidate(organizationId);
}

/** Replace (or with undefined, forget) the memoised runtime of a client: tests inject stand-ins this way. */
export function setAiRuntime(prisma: PrismaClient, runtime: AiRuntime | undefined): void {
  if (runtime) runtimes.set(prisma, runtime);
  else runtimes.delete(prisma);
}
