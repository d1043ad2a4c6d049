import { PROVIDER_KINDS, type ProviderKind } from "../contracts.ts";
import { COMPATIBLE_PRESETS } from "../providers/presets.ts";

export interface ModelRef {
  provider?: ProviderKind;
  /** Set when the prefix named an OpenAI-compatible preset ("ollama:llama3.2"). */
  preset?: string;
  model: string;
}

/**
 * "openai:gpt-4o-mini" → { provider: "openai", model: "gpt-4o-mini" }; "gpt-4o-mini" → { model }.
 * Only a known provider kind or preset id counts as a prefix, because model ids themselves may hold
 * colons ("ollama:llama3.2:3b" → preset ollama, model "llama3.2:3b").
 */
export function parseModelRef(ref: string): ModelRef {
  const text = ref.trim();
  const colon = text.indexOf(":");
  if (colon <= 0) return { model: text };
  const prefix = text.slice(0, colon).toLowerCase();
  const model = text.slice(colon + 1).trim();
  if ((PROVIDER_KINDS as readonly string[]).includes(prefix)) return { provider: prefix as ProviderKind, model };
  if (COMPATIBLE_PRESETS.some((p) => p.id === prefix)) return { provider: "openai-compatible", preset: prefix, model };
  return { model: text };
}
