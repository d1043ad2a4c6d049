import type { LanguageModel } from "ai";
import type {
  BudgetGuard,
  CallScope,
  Candidate,
  CandidateSource,
  CooldownStore,
  ModelPrice,
  UsageRecorder,
} from "../contracts.ts";
import { createLanguageModel } from "../providers/create-model.ts";

export interface AiGatewayDeps {
  candidates: CandidateSource;
  cooldowns: CooldownStore;
  usage: UsageRecorder;
  budgets: BudgetGuard;
  prices(provider: string, model: string, scope: CallScope): Promise<ModelPrice | null>;
  /** The owner's "unavailable" text, shown when the budget stops a call. */
  unavailableMessage(scope: CallScope): Promise<string>;
  /** How long a failing key rests (a longer Retry-After wins). A function reads the organization's setting. Default 60 000. */
  cooldownMs?: number | ((scope: CallScope) => number | Promise<number>);
  /** A streamed call with no text by then moves to the next candidate. Default 20 000. */
  firstTokenTimeoutMs?: number;
  /** Whole-call limit of non-streamed calls (generateObject, testConnection). Default 60 000. */
  generateTimeoutMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
  /** Builds the model of a candidate; tests pass mock models. Default createLanguageModel(candidate, { fetch }). */
  createModel?: (candidate: Candidate) => LanguageModel;
}

export interface ResolvedDeps extends AiGatewayDeps {
  firstTokenTimeoutMs: number;
  generateTimeoutMs: number;
  now: () => number;
  createModel: (candidate: Candidate) => LanguageModel;
  cooldownFor(scope: CallScope): Promise<number>;
}

export function resolveDeps(deps: AiGatewayDeps): ResolvedDeps {
  const cooldown = deps.cooldownMs ?? 60_000;
  // A candidate source that hands out the same candidate objects (a cached routing) gets its models reused:
  // building an AI SDK provider costs more than the rest of a call's set-up.
  const models = new WeakMap<Candidate, LanguageModel>();
  const build = (candidate: Candidate) => createLanguageModel(candidate, { fetch: deps.fetch });
  const cachedModel = (candidate: Candidate) => {
    let model = models.get(candidate);
    if (!model) {
      model = build(candidate);
      models.set(candidate, model);
    }
    return model;
  };
  return {
    ...deps,
    firstTokenTimeoutMs: deps.firstTokenTimeoutMs ?? 20_000,
    generateTimeoutMs: deps.generateTimeoutMs ?? 60_000,
    now: deps.now ?? Date.now,
    createModel: deps.createModel ?? cachedModel,
    cooldownFor: async (scope) => (typeof cooldown === "function" ? await cooldown(scope) : cooldown),
  };
}
