import type { AiUsage, JsonValue } from "@pixel/flow";
import { generateText, type JSONSchema7, jsonSchema, Output } from "ai";
import type { CallScope } from "../contracts.ts";
import { classifyFailure, formatSeconds } from "./classify.ts";
import type { ResolvedDeps } from "./deps.ts";
import type { ObjectGenerationRequest } from "./flow-types.ts";
import { estimateInputTokens, estimateTokens } from "./prompt.ts";
import { AttemptLog, openRoute, priceUsage, recordAttempt } from "./routing.ts";

/** The model answered, but not with a JSON object: its output is at fault, not the key. */
class NotAnObjectError extends Error {
  override name = "NotAnObjectError";
}

function isPlainObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The flow's generateObject: a structured answer (JSON Schema) through the same budget check, fallback list,
 * cooldowns and records as streamed text. Nothing is shown while it runs, so there is no partial state.
 */
export async function gatewayGenerateObject(
  deps: ResolvedDeps,
  scope: CallScope,
  request: ObjectGenerationRequest,
): Promise<{ object: Record<string, JsonValue>; usage: AiUsage }> {
  const log = new AttemptLog(deps, scope);
  const candidates = await openRoute(deps, scope, request.modelPreference, log);
  const schema = jsonSchema<Record<string, JsonValue>>(request.schema as JSONSchema7);
  for (const candidate of candidates) {
    if (await log.skipIfCoolingDown(candidate)) continue;
    const started = deps.now();
    let timedOut = false;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error("timeout"));
    }, deps.generateTimeoutMs);
    try {
      const result = await generateText({
        model: deps.createModel(candidate),
        system: request.system || undefined,
        prompt: request.prompt,
        output: Output.object({ schema }),
        temperature: request.temperature,
        maxOutputTokens: request.maxTokens,
        maxRetries: 0,
        abortSignal: controller.signal,
      });
      const object: unknown = result.output;
      if (!isPlainObject(object)) throw new NotAnObjectError("the answer was not a JSON object");
      const latencyMs = deps.now() - started;
      const tokens = {
        tokensIn: result.totalUsage.inputTokens ?? estimateInputTokens(request.system, [], request.prompt),
        tokensOut: result.totalUsage.outputTokens ?? estimateTokens(JSON.stringify(object)),
      };
      const usage = await priceUsage(deps, scope, candidate, tokens, latencyMs);
      await recordAttempt(
        deps,
        {
          scope,
          keyId: candidate.credentials.keyId,
          provider: candidate.credentials.provider,
          model: candidate.model,
          status: "success",
          latencyMs,
          usage,
        },
        candidate,
      );
      return { object, usage };
    } catch (error) {
      const failure =
        error instanceof NotAnObjectError
          ? { code: "bad_output" as const, reason: error.message, detail: error.message, coolDown: false }
          : classifyFailure(error, {
              timedOut,
              timeoutMs: deps.generateTimeoutMs,
              now: deps.now(),
              timeoutReason: `no answer within ${formatSeconds(deps.generateTimeoutMs)}`,
            });
      await log.failed(candidate, failure, deps.now() - started);
    } finally {
      clearTimeout(timer);
    }
  }
  throw log.allFailed();
}
