import { z } from "zod";

/**
 * Versioned shapes of the JSON the AI layer keeps in the database (DESIGN: schemas first). Reads are
 * lenient: a document that does not parse falls back to the defaults instead of failing a chat turn.
 */

/** ProviderKey.settings. Header values are encrypted like the secret (they often carry credentials). */
export const providerKeySettingsSchema = z.object({
  version: z.literal(1).default(1),
  /** Preferred models, first = default. */
  models: z.array(z.string()).default([]),
  /** Custom headers: name → ciphertext. */
  headers: z.record(z.string(), z.string()).default({}),
  /** The OpenAI-compatible preset the key was made from ("ollama", "groq"…), if any. */
  preset: z.string().nullable().default(null),
});
export type ProviderKeySettings = z.infer<typeof providerKeySettingsSchema>;

export function readKeySettings(json: unknown): ProviderKeySettings {
  const parsed = providerKeySettingsSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : providerKeySettingsSchema.parse({});
}

/** One entry of an ordered fallback list: which key, which model. */
export const fallbackEntrySchema = z.object({
  providerKeyId: z.string().min(1),
  model: z.string().trim().min(1).max(200),
});
export type FallbackEntry = z.infer<typeof fallbackEntrySchema>;

export function readFallback(json: unknown): FallbackEntry[] {
  if (!Array.isArray(json)) return [];
  const out: FallbackEntry[] = [];
  for (const item of json) {
    const parsed = fallbackEntrySchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** Bot.settings.ai (owned by the bots feature; only the part the AI layer reads). */
const botAiSettingsSchema = z.object({ ai: z.object({ fallback: z.unknown().optional() }).optional() });

/** The bot's own fallback list, or null when it has none (then the organization's applies). */
export function readBotFallback(settings: unknown): FallbackEntry[] | null {
  const parsed = botAiSettingsSchema.safeParse(settings ?? {});
  if (!parsed.success || parsed.data.ai?.fallback === undefined) return null;
  const list = readFallback(parsed.data.ai.fallback);
  return list.length > 0 ? list : null;
}

export const modelPriceSchema = z.object({
  inputPerMillion: z.number().min(0).max(10_000),
  outputPerMillion: z.number().min(0).max(10_000),
});

/** AiSettings.priceOverrides: "<provider>:<model>" → price per million tokens. */
export const priceOverridesSchema = z.record(z.string().min(3).max(250), modelPriceSchema);
export type PriceOverrides = z.infer<typeof priceOverridesSchema>;

export function readPriceOverrides(json: unknown): PriceOverrides {
  const parsed = priceOverridesSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : {};
}

export const DEFAULT_UNAVAILABLE_MESSAGE = "This assistant is unavailable right now. Please try again later.";
export const DEFAULT_COOLDOWN_SECONDS = 60;
