import type { AiUsage } from "@pixel/flow";
import { parseModelRef } from "../catalogue/model-ref.ts";
import { costUsd } from "../catalogue/pricing.ts";
import type { AttemptRecord, CallScope, Candidate, ModelPrice } from "../contracts.ts";
import type { Failure } from "./classify.ts";
import type { ResolvedDeps } from "./deps.ts";
import { AiUnavailableError, type TriedCandidate } from "./errors.ts";
import type { ModelPreference } from "./flow-types.ts";
import { scrubSecrets, truncate } from "./scrub.ts";

export const PROVIDERS_SETTINGS_PATH = "/app/providers";

function candidateKey(c: Candidate): string {
  return `${c.credentials.keyId ?? `keyless:${c.credentials.provider}:${c.credentials.baseUrl ?? ""}`}|${c.model}`;
}

export function describe(c: Candidate): string {
  return `${c.credentials.provider} ${c.model}`;
}

/** The preferred model then its fallbacks, each expanded by the candidate source, without repeats. */
async function resolveCandidates(deps: ResolvedDeps, scope: CallScope, preference: ModelPreference) {
  const refs = [...new Set([preference.model, ...(preference.fallbacks ?? [])])];
  const lists = await Promise.all(refs.map((ref) => deps.candidates.candidates(scope, ref)));
  const seen = new Set<string>();
  return lists.flat().filter((c) => {
    const key = candidateKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Records an attempt; a failing recorder must not break an answer, and its message is scrubbed. */
export async function recordAttempt(deps: ResolvedDeps, attempt: AttemptRecord, candidate?: Candidate): Promise<void> {
  try {
    await deps.usage.record(attempt);
  } catch (error) {
    const text = scrubSecrets(error instanceof Error ? error.message : String(error), candidate?.credentials);
    console.error(`[pixel/ai] could not record an AI attempt (${attempt.status}): ${truncate(text, 300)}`);
  }
}

/**
 * Before any provider is called: who may answer, and may we spend? A hard stop answers with the owner's
 * text and records a blocked attempt; keys over their own budget are left out (and recorded); no candidate
 * tells the builder where to add a key.
 */
export async function openRoute(
  deps: ResolvedDeps,
  scope: CallScope,
  preference: ModelPreference,
  log: AttemptLog,
): Promise<Candidate[]> {
  const candidates = await resolveCandidates(deps, scope, preference);
  const keyIds = [...new Set(candidates.map((c) => c.credentials.keyId).filter((id): id is string => Boolean(id)))];
  const decision = await deps.budgets.check(scope, keyIds);
  if (decision.kind === "stop") {
    const first = candidates[0];
    const ref = parseModelRef(preference.model);
    await recordAttempt(deps, {
      scope,
      keyId: null,
      provider: first?.credentials.provider ?? ref.provider ?? "unknown",
      model: first?.model ?? ref.model,
      status: "blocked_budget",
      errorCode: "budget_stop",
      errorMessage: truncate(scrubSecrets(decision.message, first?.credentials)),
    });
    throw new AiUnavailableError("budget", await deps.unavailableMessage(scope));
  }
  if (candidates.length === 0) {
    const wanted = preference.model ? ` for "${preference.model}"` : "";
    throw new AiUnavailableError(
      "no-provider",
      `No AI provider is configured${wanted}. Add a provider key in Settings → AI providers (${PROVIDERS_SETTINGS_PATH}), then choose it for this bot.`,
    );
  }
  const blocked = new Set(decision.blockedKeyIds ?? []);
  if (blocked.size === 0) return candidates;
  const open: Candidate[] = [];
  for (const candidate of candidates) {
    if (candidate.credentials.keyId && blocked.has(candidate.credentials.keyId)) await log.overBudget(candidate);
    else open.push(candidate);
  }
  // Every key is over its own budget: the same as a hard stop, for the person chatting.
  if (open.length === 0) throw new AiUnavailableError("budget", await deps.unavailableMessage(scope), log.tried);
  return open;
}

/** The bookkeeping of one call across its candidates: cooldowns, failed attempts, the final message. */
export class AttemptLog {
  readonly tried: TriedCandidate[] = [];

  constructor(
    private readonly deps: ResolvedDeps,
    private readonly scope: CallScope,
  ) {}

  /** A resting key is skipped (and recorded) without a call. Keyless servers have no cooldown. */
  async skipIfCoolingDown(candidate: Candidate): Promise<boolean> {
    const keyId = candidate.credentials.keyId;
    if (!keyId || !(await this.deps.cooldowns.coolingDown(keyId, this.deps.now()))) return false;
    const reason = "resting after a recent failure";
    this.tried.push({
      provider: candidate.credentials.provider,
      model: candidate.model,
      keyId,
      code: "cooldown",
      reason,
    });
    await recordAttempt(
      this.deps,
      {
        scope: this.scope,
        keyId,
        provider: candidate.credentials.provider,
        model: candidate.model,
        status: "skipped_cooldown",
        errorCode: "cooldown",
      },
      candidate,
    );
    return true;
  }

  /** A key whose own monthly budget is hard-stopped: not called. */
  async overBudget(candidate: Candidate): Promise<void> {
    const { keyId, provider } = candidate.credentials;
    const reason = "over its monthly budget";
    this.tried.push({ provider, model: candidate.model, keyId, code: "budget_stop", reason });
    await recordAttempt(
      this.deps,
      {
        scope: this.scope,
        keyId,
        provider,
        model: candidate.model,
        status: "blocked_budget",
        errorCode: "budget_stop",
      },
      candidate,
    );
  }

  /** A failure before the first token: the key rests (if it is the key's fault) and the next candidate goes. */
  async failed(candidate: Candidate, failure: Failure, latencyMs: number): Promise<void> {
    const { keyId } = candidate.credentials;
    if (keyId && failure.coolDown) {
      const rest = Math.max(await this.deps.cooldownFor(this.scope), failure.retryAfterMs ?? 0);
      await this.deps.cooldowns.coolDown(keyId, this.deps.now() + rest);
    }
    this.tried.push({
      provider: candidate.credentials.provider,
      model: candidate.model,
      keyId,
      code: failure.code,
      reason: failure.reason,
    });
    await recordAttempt(
      this.deps,
      {
        scope: this.scope,
        keyId,
        provider: candidate.credentials.provider,
        model: candidate.model,
        status: "failed",
        errorCode: failure.code,
        errorMessage: truncate(scrubSecrets(`${failure.reason}: ${failure.detail}`, candidate.credentials)),
        latencyMs,
      },
      candidate,
    );
  }

  allFailed(): AiUnavailableError {
    const list = this.tried.map((t) => `${t.provider} ${t.model} (${t.reason})`).join("; ");
    return new AiUnavailableError(
      "all-failed",
      `No AI provider could answer. Tried: ${list}. Check the keys in Settings → AI providers (${PROVIDERS_SETTINGS_PATH}) or try again later.`,
      this.tried,
    );
  }
}

/** Usage of a call with its cost; unknown prices count as free (local servers). */
export async function priceUsage(
  deps: ResolvedDeps,
  scope: CallScope,
  candidate: Candidate,
  tokens: { tokensIn: number; tokensOut: number },
  latencyMs: number,
): Promise<AiUsage> {
  const provider = candidate.credentials.provider;
  let price: ModelPrice | null = null;
  try {
    price = await deps.prices(provider, candidate.model, scope);
  } catch (error) {
    // A price lookup must not fail an answer already given; the call is counted, its cost shows as 0.
    const text = scrubSecrets(error instanceof Error ? error.message : String(error), candidate.credentials);
    console.error(`[pixel/ai] could not price ${provider} ${candidate.model}: ${truncate(text, 300)}`);
  }
  return {
    provider,
    model: candidate.model,
    tokensIn: tokens.tokensIn,
    tokensOut: tokens.tokensOut,
    costUsd: price ? costUsd(tokens, price) : 0,
    latencyMs,
  };
}
