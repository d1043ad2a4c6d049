import { z } from "zod";

export const BUDGET_SCOPES = ["organization", "bot", "provider_key"] as const;

/** One budget per scope: upsert creates it or changes it. */
export const upsertBudgetSchema = z.object({
  scope: z.enum(BUDGET_SCOPES),
  /** The organization's id, a bot's id or a provider key's id, matching `scope`. */
  scopeId: z.string().min(1),
  // The column keeps 4 decimals: the smallest limit is $0.0001.
  monthlyLimitUsd: z.number().min(0.0001, "The monthly limit must be at least $0.0001").max(10_000_000),
  /** The alert is raised at this share of the limit. */
  softLimitPercent: z.number().int().min(1).max(100).default(80),
  /** At the limit: stop the bot (true) or only keep alerting (false). */
  hardStop: z.boolean().default(true),
});
export type UpsertBudgetInput = z.infer<typeof upsertBudgetSchema>;
