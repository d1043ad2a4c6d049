export interface BudgetState {
  /** Spent this month in USD (all calls of the budget's scope). */
  spentUsd: number;
  limitUsd: number;
  /** Share of the limit at which the soft alert fires, 1–100. */
  softLimitPercent: number;
  /** false: over the limit only alerts, the bot keeps answering. */
  hardStop: boolean;
  /** The soft alert already went out this month (Budget.softAlertedMonth === monthKey(now)). */
  alreadyAlertedThisMonth: boolean;
}

export type BudgetEvaluation = { kind: "allow" } | { kind: "soft"; shouldAlert: boolean } | { kind: "stop" };

/**
 * Pure: where a month's spending stands against one budget. At or over the limit with a hard stop → stop;
 * at or over the soft share (or over the limit without a hard stop) → soft, alerting once a month.
 * A limit of 0 with a hard stop blocks everything (an explicit "no spending").
 */
export function evaluateBudget(state: BudgetState): BudgetEvaluation {
  const { spentUsd, limitUsd, hardStop, alreadyAlertedThisMonth } = state;
  const percent = Math.min(100, Math.max(0, state.softLimitPercent));
  if (limitUsd <= 0) return hardStop ? { kind: "stop" } : { kind: "allow" };
  if (spentUsd >= limitUsd) {
    return hardStop ? { kind: "stop" } : { kind: "soft", shouldAlert: !alreadyAlertedThisMonth };
  }
  if (spentUsd >= (limitUsd * percent) / 100) return { kind: "soft", shouldAlert: !alreadyAlertedThisMonth };
  return { kind: "allow" };
}

/** "YYYY-MM" of a date in UTC: the budget month and the value of Budget.softAlertedMonth. */
export function monthKey(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** First instant of the UTC month of `date`: the lower bound when summing this month's spending. */
export function monthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}
