import type { AiPort } from "@pixel/flow";
import type { CallScope, Candidate } from "../contracts.ts";
import { type AiGatewayDeps, resolveDeps } from "./deps.ts";
import { gatewayGenerateObject } from "./generate-object.ts";
import { gatewayStreamText } from "./stream-text.ts";
import { type ConnectionTestResult, testConnection } from "./test-connection.ts";

export interface AiGateway {
  /** The flow engine's AI port for one caller (organization, bot, deployment, conversation). */
  port(scope: CallScope): AiPort;
  testConnection(candidate: Candidate): Promise<ConnectionTestResult>;
}

/**
 * The AI layer's front door: routing, fallback, cooldowns, budgets and usage over the contracts packages/api
 * implements. One gateway per process; `port(scope)` is cheap and made per call.
 */
export function createAiGateway(deps: AiGatewayDeps): AiGateway {
  const resolved = resolveDeps(deps);
  return {
    port: (scope) => ({
      streamText: (request) => gatewayStreamText(resolved, scope, request),
      generateObject: (request) => gatewayGenerateObject(resolved, scope, request),
    }),
    testConnection: (candidate) => testConnection(resolved, candidate),
  };
}
