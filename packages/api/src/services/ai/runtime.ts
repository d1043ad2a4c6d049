import { type AiGateway, type CallScope, type Candidate, createAiGateway, priceFor } from "@pixel/ai";
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
import { createUsageRecorder } from "./usage.ts";

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
}

export type AiPort = ReturnType<AiGateway["port"]>;

export interface AiRuntime {
  gateway: AiGateway;
  /** The port a flow's AI steps call, bound to who is spending. */
  port(scope: CallScope): AiPort;
  testConnection: AiGateway["testConnection"];
  budgets: DbBudgetGuard;
  /** Forget the cached settings of an organization (after aiSettings.update in this process). */
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

  const budgets = createBudgetGuard(prisma, { onSoftLimit: options.onSoftLimit, fetch: options.fetch, now });
  const gateway = createAiGateway({
    candidates: createCandidateSource(prisma, options.encryptionKey ?? encryptionKey, { now }),
    cooldowns: cooldownStoreFromEnv(prisma, options.env ?? process.env),
    usage: createUsageRecorder(prisma, { now }),
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
    port: (scope) => gateway.port(scope),
    testConnection: (candidate: Candidate) => gateway.testConnection(candidate),
    budgets,
    invalidate: (organizationId) => cache.delete(organizationId),
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
