import { type BudgetGuard, evaluateBudget, monthKey } from "@pixel/ai";
import type { Budget, BudgetScope, PrismaClient } from "@pixel/db";
import { writeAudit } from "../../lib/audit.ts";
import { DEFAULT_UNAVAILABLE_MESSAGE } from "./schemas.ts";
import { monthToDateSpend } from "./spend.ts";

export const SOFT_LIMIT_EVENT = "budget.soft_limit_reached";

/** What an owner is told once a month when a budget passes its soft limit. */
export interface SoftLimitAlert {
  event: typeof SOFT_LIMIT_EVENT;
  organizationId: string;
  budgetId: string;
  scope: BudgetScope;
  scopeId: string;
  spentUsd: number;
  limitUsd: number;
  percent: number;
  month: string;
}

export interface BudgetGuardOptions {
  /** Called once per budget and month, after the audit row is written. Errors are ignored. */
  onSoftLimit?: (alert: SoftLimitAlert) => void | Promise<void>;
  /** Posts the outgoing webhook (default: global fetch). */
  fetch?: typeof fetch;
  now?: () => number;
  /** Default 5 000 ms. */
  webhookTimeoutMs?: number;
  /**
   * How long an organization's budget list is reused (most have none: then no query at all); 0 = read every call.
   * Spend is always read fresh when a budget applies.
   */
  ttlMs?: number;
}

export interface DbBudgetGuard extends BudgetGuard {
  /** Resolves when the webhooks already started have finished (tests, graceful shutdown). */
  flush(): Promise<void>;
  /** Drop the cached budget list of an organization (after a budget change). */
  forget(organizationId: string): void;
}

/**
 * Budgets of the organization, the bot and each key in play, against month-to-date spend (UsageDaily).
 * The tightest decides: any exhausted budget with a hard stop stops the call (the owner's "unavailable"
 * text, no provider called); any budget past its soft limit raises the alert once a month — claimed
 * atomically through Budget.softAlertedMonth, so concurrent calls and instances raise it once — with an
 * audit row and, when configured, a POST to AiSettings.alertWebhookUrl that never blocks the call.
 */
export function createBudgetGuard(prisma: PrismaClient, options: BudgetGuardOptions = {}): DbBudgetGuard {
  const now = options.now ?? Date.now;
  const post = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const timeoutMs = options.webhookTimeoutMs ?? 5_000;
  const pending = new Set<Promise<void>>();
  const ttl = options.ttlMs ?? 0;
  const cache = new Map<string, Promise<Budget[]>>();

  function budgetsOf(organizationId: string): Promise<Budget[]> {
    const hit = cache.get(organizationId);
    if (hit) return hit;
    const value = prisma.budget.findMany({ where: { organizationId } });
    if (ttl <= 0) return value;
    cache.set(organizationId, value);
    const drop = () => {
      if (cache.get(organizationId) === value) cache.delete(organizationId);
    };
    setTimeout(drop, ttl).unref();
    value.catch(drop);
    return value;
  }

  async function raise(budget: Budget, spentUsd: number, limitUsd: number, percent: number, month: string) {
    // Whoever flips softAlertedMonth to this month raises the alert; everybody else has nothing to do.
    const claimed = await prisma.budget.updateMany({
      where: { id: budget.id, OR: [{ softAlertedMonth: null }, { softAlertedMonth: { not: month } }] },
      data: { softAlertedMonth: month },
    });
    // The cached list still says "not alerted": read it again next time.
    cache.delete(budget.organizationId);
    if (claimed.count !== 1) return;
    const alert: SoftLimitAlert = {
      event: SOFT_LIMIT_EVENT,
      organizationId: budget.organizationId,
      budgetId: budget.id,
      scope: budget.scope,
      scopeId: budget.scopeId,
      spentUsd,
      limitUsd,
      percent,
      month,
    };
    await writeAudit(prisma, {
      organizationId: budget.organizationId,
      actorId: null,
      action: SOFT_LIMIT_EVENT,
      targetType: "budget",
      targetId: budget.id,
      metadata: {
        scope: budget.scope,
        scopeId: budget.scopeId,
        spentUsd,
        limitUsd,
        percent,
        softLimitPercent: budget.softLimitPercent,
        month,
      },
    });
    if (options.onSoftLimit) {
      try {
        await options.onSoftLimit(alert);
      } catch {
        // An observer's failure is not the caller's problem.
      }
    }
    const settings = await prisma.aiSettings.findUnique({
      where: { organizationId: budget.organizationId },
      select: { alertWebhookUrl: true },
    });
    if (settings?.alertWebhookUrl) {
      const delivery = sendWebhook(post, settings.alertWebhookUrl, alert, timeoutMs);
      pending.add(delivery);
      void delivery.finally(() => pending.delete(delivery));
    }
  }

  return {
    async check(scope, keyIds) {
      const organizationId = scope.organizationId;
      const budgets = (await budgetsOf(organizationId)).filter(
        (b) =>
          (b.scope === "organization" && b.scopeId === organizationId) ||
          (b.scope === "bot" && b.scopeId === scope.botId) ||
          (b.scope === "provider_key" && keyIds.includes(b.scopeId)),
      );
      if (budgets.length === 0) return { kind: "allow" };

      const at = new Date(now());
      const month = monthKey(at);
      const spend = await monthToDateSpend(prisma, organizationId, budgets, at);
      let stop = false;
      const blocked: string[] = [];
      const soft: string[] = [];
      for (const budget of budgets) {
        const s = spend.get(budget.id);
        if (!s) continue;
        const decision = evaluateBudget({
          spentUsd: s.spentUsd,
          limitUsd: s.limitUsd,
          softLimitPercent: budget.softLimitPercent,
          hardStop: budget.hardStop,
          alreadyAlertedThisMonth: budget.softAlertedMonth === month,
        });
        if (decision.kind === "allow") continue;
        // A key over its own budget is skipped (the next candidate answers); organization and bot budgets stop the call.
        if (decision.kind === "stop" && budget.scope === "provider_key") blocked.push(budget.scopeId);
        else if (decision.kind === "stop") stop = true;
        else
          soft.push(`${budget.scope} budget at ${s.percent}% ($${s.spentUsd.toFixed(2)} of $${s.limitUsd.toFixed(2)})`);
        // Past the soft limit (a stop is past it too): alert once this month.
        const alreadyAlerted = budget.softAlertedMonth === month;
        if (!alreadyAlerted) await raise(budget, s.spentUsd, s.limitUsd, s.percent, month);
      }
      if (stop) {
        const settings = await prisma.aiSettings.findUnique({
          where: { organizationId },
          select: { unavailableMessage: true },
        });
        return { kind: "stop", message: settings?.unavailableMessage || DEFAULT_UNAVAILABLE_MESSAGE };
      }
      const blockedKeyIds = blocked.length > 0 ? { blockedKeyIds: blocked } : {};
      if (soft.length > 0) return { kind: "soft", message: `Monthly ${soft.join("; ")}.`, ...blockedKeyIds };
      return { kind: "allow", ...blockedKeyIds };
    },
    forget(organizationId) {
      cache.delete(organizationId);
    },
    async flush() {
      await Promise.allSettled([...pending]);
    },
  };
}

/** POSTs the alert; a slow or failing endpoint is logged (host only: webhook URLs often hold tokens). */
async function sendWebhook(post: typeof fetch, url: string, alert: SoftLimitAlert, timeoutMs: number): Promise<void> {
  const body = {
    event: alert.event,
    organizationId: alert.organizationId,
    scope: alert.scope,
    scopeId: alert.scopeId,
    spentUsd: alert.spentUsd,
    limitUsd: alert.limitUsd,
    month: alert.month,
  };
  let host = "the alert webhook";
  try {
    host = new URL(url).host;
    const response = await post(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "PixelAICreator-Alerts/1" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    if (!response.ok) console.warn(`[ai] budget alert webhook ${host} answered ${response.status}`);
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? "timed out" : "could not be reached";
    console.warn(`[ai] budget alert webhook ${host} ${reason}`);
  }
}
