import type { ModelPrice } from "../contracts.ts";
import { MODEL_CATALOGUE } from "./models.ts";

/** Key of an organization's price override: "<provider>:<model>". */
export function priceOverrideKey(provider: string, model: string): string {
  return `${provider}:${model}`;
}

/**
 * The price of a model: the organization's override first, then the catalogue. Dated snapshots
 * ("gpt-4o-mini-2024-07-18", "claude-sonnet-4-5-20250929") take the price of their family, the longest
 * catalogue id they start with. null = unknown (a local or compatible server): counted as free.
 */
export function priceFor(provider: string, model: string, overrides?: Record<string, ModelPrice>): ModelPrice | null {
  const override = overrides?.[priceOverrideKey(provider, model)];
  if (override) return { inputPerMillion: override.inputPerMillion, outputPerMillion: override.outputPerMillion };
  let best: (typeof MODEL_CATALOGUE)[number] | undefined;
  for (const entry of MODEL_CATALOGUE) {
    if (entry.provider !== provider) continue;
    if (entry.id === model) {
      best = entry;
      break;
    }
    if (model.startsWith(`${entry.id}-`) && (!best || entry.id.length > best.id.length)) best = entry;
  }
  return best ? { inputPerMillion: best.inputPerMillion, outputPerMillion: best.outputPerMillion } : null;
}

/** USD for a call, rounded to 6 decimals (the precision of the costUsd columns). */
export function costUsd(usage: { tokensIn: number; tokensOut: number }, price: ModelPrice): number {
  // Per-million prices times tokens are micro-dollars; toPrecision drops float noise before rounding.
  const micro = usage.tokensIn * price.inputPerMillion + usage.tokensOut * price.outputPerMillion;
  return Math.round(Number(micro.toPrecision(12))) / 1e6;
}
