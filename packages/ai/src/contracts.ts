import type { AiUsage } from "@pixel/flow";

/**
 * The seams of the AI layer. packages/ai holds the logic (providers, routing, fallback, cost, budgets)
 * and depends on these interfaces only; packages/api implements them with the database (and Redis).
 */

export const PROVIDER_KINDS = ["openai", "anthropic", "google", "mistral", "openai-compatible", "custom"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A decrypted key ready to call with. Lives in memory for one call; never logged, never returned. */
export interface ProviderCredentials {
  /** null for keyless providers (a local Ollama). */
  keyId: string | null;
  provider: ProviderKind;
  secret: string | null;
  baseUrl?: string;
  headers?: Record<string, string>;
}

/** One entry of a fallback list: which key, which model. */
export interface Candidate {
  credentials: ProviderCredentials;
  model: string;
}

/** Who is spending: used for routing, budgets and usage rows. */
export interface CallScope {
  organizationId: string;
  botId?: string | null;
  deploymentId?: string | null;
  conversationId?: string | null;
}

export interface CandidateSource {
  /** Ordered candidates for a call: the bot's list, else the organization's default; disabled and expired keys left out. */
  candidates(scope: CallScope, preferredModel: string): Promise<Candidate[]>;
}

/** Shared by every instance (database or Redis), so a failing key rests everywhere. */
export interface CooldownStore {
  coolingDown(keyId: string, now: number): Promise<boolean>;
  coolDown(keyId: string, until: number): Promise<void>;
}

export type AttemptStatus = "success" | "partial" | "failed" | "skipped_cooldown" | "blocked_budget";

export interface AttemptRecord {
  scope: CallScope;
  keyId: string | null;
  provider: string;
  model: string;
  status: AttemptStatus;
  errorCode?: string;
  errorMessage?: string;
  firstTokenMs?: number;
  latencyMs?: number;
  usage?: AiUsage;
}

export interface UsageRecorder {
  /** Records one attempt; successful and partial ones also add to the daily aggregates. */
  record(attempt: AttemptRecord): Promise<void>;
}

/**
 * `blockedKeyIds` (optional): keys whose own monthly budget is hard-stopped while the organization's and bot's are
 * not; the gateway skips them (recording blocked_budget) and uses the other candidates.
 */
export type BudgetDecision =
  | { kind: "allow"; blockedKeyIds?: string[] }
  | { kind: "soft"; message: string; blockedKeyIds?: string[] }
  | { kind: "stop"; message: string };

export interface BudgetGuard {
  /**
   * Checked before any provider is called, with the keys of every candidate; a hard stop means no call at all.
   * Return "stop" for the organization's or bot's budget (or when every key is over its own), else list the keys
   * over their own budget in `blockedKeyIds`.
   */
  check(scope: CallScope, keyIds: string[]): Promise<BudgetDecision>;
}

/** Prices per million tokens, from the catalogue or an organization's override. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}
