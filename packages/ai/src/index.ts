export * from "./budgets/evaluate.ts";
export * from "./catalogue/model-ref.ts";
export * from "./catalogue/models.ts";
export * from "./catalogue/pricing.ts";
export * from "./contracts.ts";
export * from "./crypto/secret-box.ts";
export {
  type ClassifyContext,
  classifyFailure,
  type Failure,
  type FailureCode,
  retryAfterMs,
} from "./gateway/classify.ts";
export type { AiGatewayDeps } from "./gateway/deps.ts";
export * from "./gateway/errors.ts";
export { type AiGateway, createAiGateway } from "./gateway/gateway.ts";
export { PROVIDERS_SETTINGS_PATH } from "./gateway/routing.ts";
export { scrubSecrets } from "./gateway/scrub.ts";
export type { ConnectionTestResult } from "./gateway/test-connection.ts";
export * from "./providers/create-model.ts";
export * from "./providers/ollama.ts";
export * from "./providers/presets.ts";
export * from "./stores/memory.ts";
export * from "./stores/redis-cooldowns.ts";
