export {
  type BudgetGuardOptions,
  createBudgetGuard,
  type DbBudgetGuard,
  SOFT_LIMIT_EVENT,
  type SoftLimitAlert,
} from "./budget-guard.ts";
export { type CandidateSourceOptions, createCandidateSource } from "./candidates.ts";
export { cooldownStoreFromEnv, createDbCooldownStore } from "./cooldowns.ts";
export {
  type AiPort,
  type AiRuntime,
  type AiRuntimeOptions,
  createAiRuntime,
  forgetAiSettings,
  setAiRuntime,
} from "./runtime.ts";
export { monthToDateSpend } from "./spend.ts";
export { createUsageRecorder, type UsageRecorderOptions } from "./usage.ts";
