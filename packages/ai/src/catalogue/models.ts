import type { ProviderKind } from "../contracts.ts";

/**
 * The model catalogue as data: what the settings page offers and what usage is priced with.
 * Prices are USD per million tokens as published by each provider on CATALOGUE_DATE (standard tier,
 * short prompts); organizations override them per "<provider>:<model>" in AiSettings.priceOverrides.
 */
export const CATALOGUE_DATE = "2026-11-01";

export interface ModelCapabilities {
  streaming: boolean;
  tools: boolean;
  structuredOutput: boolean;
}

export interface CatalogueModel {
  provider: ProviderKind;
  id: string;
  label: string;
  /** Tokens the model accepts (prompt + answer). */
  contextWindow: number;
  inputPerMillion: number;
  outputPerMillion: number;
  capabilities: ModelCapabilities;
}

const ALL: ModelCapabilities = { streaming: true, tools: true, structuredOutput: true };

function model(
  provider: ProviderKind,
  id: string,
  label: string,
  contextWindow: number,
  inputPerMillion: number,
  outputPerMillion: number,
  capabilities: ModelCapabilities = ALL,
): CatalogueModel {
  return { provider, id, label, contextWindow, inputPerMillion, outputPerMillion, capabilities };
}

export const MODEL_CATALOGUE: readonly CatalogueModel[] = [
  // OpenAI
  model("openai", "gpt-5", "GPT-5", 400_000, 1.25, 10),
  model("openai", "gpt-5-mini", "GPT-5 mini", 400_000, 0.25, 2),
  model("openai", "gpt-5-nano", "GPT-5 nano", 400_000, 0.05, 0.4),
  model("openai", "gpt-4.1", "GPT-4.1", 1_047_576, 2, 8),
  model("openai", "gpt-4.1-mini", "GPT-4.1 mini", 1_047_576, 0.4, 1.6),
  model("openai", "gpt-4.1-nano", "GPT-4.1 nano", 1_047_576, 0.1, 0.4),
  model("openai", "gpt-4o", "GPT-4o", 128_000, 2.5, 10),
  model("openai", "gpt-4o-mini", "GPT-4o mini", 128_000, 0.15, 0.6),
  model("openai", "o3", "o3", 200_000, 2, 8),
  model("openai", "o4-mini", "o4-mini", 200_000, 1.1, 4.4),
  // Anthropic
  model("anthropic", "claude-opus-4-5", "Claude Opus 4.5", 200_000, 5, 25),
  model("anthropic", "claude-opus-4-1", "Claude Opus 4.1", 200_000, 15, 75),
  model("anthropic", "claude-sonnet-4-5", "Claude Sonnet 4.5", 200_000, 3, 15),
  model("anthropic", "claude-sonnet-4-0", "Claude Sonnet 4", 200_000, 3, 15),
  model("anthropic", "claude-haiku-4-5", "Claude Haiku 4.5", 200_000, 1, 5),
  model("anthropic", "claude-3-7-sonnet-latest", "Claude Sonnet 3.7", 200_000, 3, 15),
  model("anthropic", "claude-3-5-haiku-latest", "Claude Haiku 3.5", 200_000, 0.8, 4),
  // Google
  model("google", "gemini-2.5-pro", "Gemini 2.5 Pro", 1_048_576, 1.25, 10),
  model("google", "gemini-2.5-flash", "Gemini 2.5 Flash", 1_048_576, 0.3, 2.5),
  model("google", "gemini-2.5-flash-lite", "Gemini 2.5 Flash-Lite", 1_048_576, 0.1, 0.4),
  model("google", "gemini-2.0-flash", "Gemini 2.0 Flash", 1_048_576, 0.1, 0.4),
  model("google", "gemini-2.0-flash-lite", "Gemini 2.0 Flash-Lite", 1_048_576, 0.075, 0.3),
  // Mistral
  model("mistral", "mistral-large-latest", "Mistral Large", 128_000, 2, 6),
  model("mistral", "mistral-medium-latest", "Mistral Medium", 128_000, 0.4, 2),
  model("mistral", "mistral-small-latest", "Mistral Small", 128_000, 0.1, 0.3),
];

export function catalogueModelsFor(provider: ProviderKind): CatalogueModel[] {
  return MODEL_CATALOGUE.filter((m) => m.provider === provider);
}
