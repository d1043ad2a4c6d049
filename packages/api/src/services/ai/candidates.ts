import { type Candidate, type CandidateSource, type ProviderKind, parseModelRef } from "@pixel/ai";
import type { PrismaClient } from "@pixel/db";
import { type FallbackEntry, readBotFallback, readFallback, readKeySettings } from "./schemas.ts";
import { openHeaders, openSecret } from "./secrets.ts";

export interface CandidateSourceOptions {
  now?: () => number;
}

interface KeyRow {
  id: string;
  provider: string;
  encryptedSecret: string;
  baseUrl: string | null;
  settings: unknown;
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
): CandidateSource {
  const keyOf = typeof encryptionKey === "function" ? encryptionKey : () => encryptionKey;
  const now = options.now ?? Date.now;

  return {
    async candidates(scope, preferredModel) {
      const organizationId = scope.organizationId;
      const at = new Date(now());
      const [bot, settings, keys] = await Promise.all([
        scope.botId
          ? prisma.bot.findFirst({ where: { id: scope.botId, organizationId }, select: { settings: true } })
          : Promise.resolve(null),
        prisma.aiSettings.findUnique({ where: { organizationId }, select: { fallback: true } }),
        prisma.providerKey.findMany({
          where: { organizationId, disabled: false, OR: [{ expiresAt: null }, { expiresAt: { gt: at } }] },
          select: { id: true, provider: true, encryptedSecret: true, baseUrl: true, settings: true },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
      ]);
      const usable = new Map(keys.map((k) => [k.id, k]));
      const ref = preferredModel.trim() ? parseModelRef(preferredModel) : null;

      const explicit: FallbackEntry[] | null =
        (bot ? readBotFallback(bot.settings) : null) ?? nonEmpty(readFallback(settings?.fallback));
      let picks: Pick[];
      if (explicit) {
        const listed = explicit.flatMap((entry) => {
          const key = usable.get(entry.providerKeyId);
          return key ? [{ key, model: entry.model }] : [];
        });
        // The owner's order stands; the model the step asked for only moves up.
        const first = ref
          ? listed.filter(
              (p) => p.model === ref.model && matchesKey(ref, p.key, readKeySettings(p.key.settings).preset),
            )
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
      const opened = new Map<string, { secret: string | null; headers: Record<string, string> } | null>();
      const out: Candidate[] = [];
      for (const { key, model } of picks) {
        const id = `${key.id}|${model}`;
        if (seen.has(id)) continue;
        seen.add(id);
        let secrets = opened.get(key.id);
        if (secrets === undefined) {
          secrets = open(key, keyOf);
          opened.set(key.id, secrets);
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
    },
  };
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
