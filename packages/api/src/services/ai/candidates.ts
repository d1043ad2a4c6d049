import { type Candidate, type CandidateSource, type ProviderKind, parseModelRef } from "@pixel/ai";
import type { PrismaClient } from "@pixel/db";
import { type FallbackEntry, readBotFallback, readFallback, readKeySettings } from "./schemas.ts";
import { openHeaders, openSecret } from "./secrets.ts";

export interface CandidateSourceOptions {
  now?: () => number;
  /**
   * How long an organization's routing (its keys, decrypted, and fallback lists) is reused; 0 = read on every call.
   * A change made through this process's API is seen at once (`forget`); another instance's within the TTL.
   */
  ttlMs?: number;
}

export interface CachedCandidateSource extends CandidateSource {
  /** Drop what is cached for an organization (after a key or fallback change). */
  forget(organizationId: string): void;
}

interface KeyRow {
  id: string;
  provider: string;
  encryptedSecret: string;
  baseUrl: string | null;
  settings: unknown;
  expiresAt: Date | null;
}

interface Routing {
  botSettings: unknown;
  fallback: unknown;
  keys: KeyRow[];
  opened: Map<string, { secret: string | null; headers: Record<string, string> } | null>;
  /** Candidates per preferred model, built once: the same objects every call (the gateway caches models by them). */
  lists: Map<string, Candidate[]>;
}

interface Pick {
  key: KeyRow;
  model: string;
}

type ModelRef = ReturnType<typeof parseModelRef>;

function matchesKey(ref: ModelRef, key: KeyRow, preset: string | null): boolean {
  if (ref.provider && ref.provider !== key.provider) return false;
  if (ref.preset && ref.preset !== preset) return false;
  return true;
}

/**
 * Ordered candidates for a call, from the database:
 *  1. the bot's own list (Bot.settings.ai.fallback), else
 *  2. the organization's default (AiSettings.fallback), else
 *  3. every enabled key of the organization with its preferred model (settings.models[0]), oldest first.
 * Candidates matching `preferredModel` ("provider:model", "preset:model" or a bare model) go first.
 * Disabled, expired and unknown keys are left out; keys of another organization can never appear (every
 * query filters by the scope's organization). Secrets are decrypted here and only live in the result.
 */
export function createCandidateSource(
  prisma: PrismaClient,
  encryptionKey: Buffer | (() => Buffer),
  options: CandidateSourceOptions = {},
): CachedCandidateSource {
  const keyOf = typeof encryptionKey === "function" ? encryptionKey : () => encryptionKey;
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? 0;
  const cache = new Map<string, Promise<Routing>>();

  async function read(organizationId: string, botId: string | null): Promise<Routing> {
    const [bot, settings, keys] = await Promise.all([
      botId
        ? prisma.bot.findFirst({ where: { id: botId, organizationId }, select: { settings: true } })
        : Promise.resolve(null),
      prisma.aiSettings.findUnique({ where: { organizationId }, select: { fallback: true } }),
      prisma.providerKey.findMany({
        where: { organizationId, disabled: false },
        select: { id: true, provider: true, encryptedSecret: true, baseUrl: true, settings: true, expiresAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
    ]);
    return {
      botSettings: bot?.settings ?? null,
      fallback: settings?.fallback ?? null,
      keys,
      opened: new Map(),
      lists: new Map(),
    };
  }

  function routing(organizationId: string, botId: string | null): Promise<Routing> {
    if (ttl <= 0) return read(organizationId, botId);
    const cacheKey = `${organizationId}|${botId ?? ""}`;
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    const value = read(organizationId, botId);
    cache.set(cacheKey, value);
    // Wall-clock expiry (an injected `now` may be frozen in tests); a failed read is not kept.
    const timer = setTimeout(() => {
      if (cache.get(cacheKey) === value) cache.delete(cacheKey);
    }, ttl);
    timer.unref();
    value.catch(() => {
      if (cache.get(cacheKey) === value) cache.delete(cacheKey);
    });
    return value;
  }

  return {
    forget(organizationId) {
      for (const key of cache.keys()) if (key.startsWith(`${organizationId}|`)) cache.delete(key);
    },
    async candidates(scope, preferredModel) {
      const route = await routing(scope.organizationId, scope.botId ?? null);
      const at = now();
      const listKey = preferredModel.trim();
      let list = route.lists.get(listKey);
      if (!list) {
        list = build(route, listKey, keyOf);
        if (ttl > 0) route.lists.set(listKey, list);
      }
      // Expiry is checked per call, so a cached list never serves a key past its date.
      return list.filter((c) => {
        const expiresAt = route.keys.find((k) => k.id === c.credentials.keyId)?.expiresAt;
        return !expiresAt || expiresAt.getTime() > at;
      });
    },
  };
}

/** The ordered candidates of a routing for one preferred model (see createCandidateSource). */
function build(route: Routing, preferredModel: string, keyOf: () => Buffer): Candidate[] {
  const keys = route.keys;
  const usable = new Map(keys.map((k) => [k.id, k]));
  const ref = preferredModel ? parseModelRef(preferredModel) : null;

  const explicit: FallbackEntry[] | null =
    (route.botSettings ? readBotFallback(route.botSettings) : null) ?? nonEmpty(readFallback(route.fallback));
  let picks: Pick[];
  if (explicit) {
    const listed = explicit.flatMap((entry) => {
      const key = usable.get(entry.providerKeyId);
      return key ? [{ key, model: entry.model }] : [];
    });
    // The owner's order stands; the model the step asked for only moves up.
    const first = ref
      ? listed.filter((p) => p.model === ref.model && matchesKey(ref, p.key, readKeySettings(p.key.settings).preset))
      : [];
    picks = [...first, ...listed.filter((p) => !first.includes(p))];
  } else {
    const first: Pick[] = [];
    const rest: Pick[] = [];
    for (const key of keys) {
      const keySettings = readKeySettings(key.settings);
      if (ref?.model) {
        const named = Boolean(ref.provider || ref.preset) && matchesKey(ref, key, keySettings.preset);
        if (named || keySettings.models.includes(ref.model)) first.push({ key, model: ref.model });
      }
      const preferred = keySettings.models[0];
      if (preferred) rest.push({ key, model: preferred });
    }
    picks = [...first, ...rest];
  }

  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const { key, model } of picks) {
    const id = `${key.id}|${model}`;
    if (seen.has(id)) continue;
    seen.add(id);
    let secrets = route.opened.get(key.id);
    if (secrets === undefined) {
      secrets = open(key, keyOf);
      route.opened.set(key.id, secrets);
    }
    if (!secrets) continue;
    out.push({
      credentials: {
        keyId: key.id,
        provider: key.provider as ProviderKind,
        secret: secrets.secret,
        ...(key.baseUrl ? { baseUrl: key.baseUrl } : {}),
        ...(Object.keys(secrets.headers).length ? { headers: secrets.headers } : {}),
      },
      model,
    });
  }
  return out;
}

function nonEmpty<T>(list: T[]): T[] | null {
  return list.length > 0 ? list : null;
}

/** Decrypts a key's secret and headers; a key that cannot be decrypted is left out (and said so, without secrets). */
function open(key: KeyRow, keyOf: () => Buffer): { secret: string | null; headers: Record<string, string> } | null {
  try {
    const encryption = keyOf();
    return {
      secret: openSecret(key.encryptedSecret, encryption),
      headers: openHeaders(readKeySettings(key.settings).headers, encryption),
    };
  } catch (error) {
    console.warn(
      `[ai] provider key ${key.id} skipped: ${error instanceof Error ? error.message : "it cannot be decrypted"}`,
    );
    return null;
  }
}
