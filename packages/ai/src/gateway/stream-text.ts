import type { CallScope, Candidate } from "../contracts.ts";
import { classifyFailure, type Failure } from "./classify.ts";
import type { ResolvedDeps } from "./deps.ts";
import { AiAnswerCutOffError } from "./errors.ts";
import type { TextChunk, TextGenerationRequest } from "./flow-types.ts";
import { streamModel } from "./model-stream.ts";
import { estimateInputTokens, estimateTokens } from "./prompt.ts";
import { AttemptLog, openRoute, priceUsage, recordAttempt } from "./routing.ts";
import { scrubSecrets, truncate } from "./scrub.ts";

/** What one candidate's stream came to. Deltas were yielded on the way. */
interface Usage {
  inputTokens?: number;
  outputTokens?: number;
}

type Outcome =
  | { kind: "done"; usage: Usage | undefined }
  | { kind: "failed"; failure: Failure }
  | { kind: "cut"; failure: Failure; usage: Usage | undefined };

/** Live state of the candidate being streamed, read when the consumer stops listening half-way. */
interface Live {
  candidate: Candidate;
  started: number;
  firstTokenMs?: number;
  text: string;
}

class StreamEndedEarly extends Error {
  override name = "StreamEndedEarly";
}

/**
 * Streams one candidate. Until the first text delta a failure is reported as "failed" (the caller moves on);
 * after it, as "cut" (the answer stays partial). The first-token timer aborts the request itself.
 */
async function* streamCandidate(
  deps: ResolvedDeps,
  request: TextGenerationRequest,
  live: Live,
  signal: AbortController,
): AsyncGenerator<TextChunk, Outcome> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    signal.abort(new Error("first token timeout"));
  }, deps.firstTokenTimeoutMs);
  let usage: Usage | undefined;
  let error: unknown;
  let finishReason: string | undefined;
  try {
    const parts = streamModel(deps.createModel(live.candidate), request, signal.signal);
    for await (const part of parts) {
      if (part.type === "delta") {
        if (live.firstTokenMs === undefined) {
          live.firstTokenMs = deps.now() - live.started;
          clearTimeout(timer);
        }
        live.text += part.text;
        yield { type: "delta", text: part.text };
      } else if (part.type === "error") {
        // Stop at the first error: before the first token the next candidate answers instead; after it,
        // anything read past a broken chunk would leave a gap in the text.
        error = part.error;
        break;
      } else {
        usage = { inputTokens: part.inputTokens, outputTokens: part.outputTokens };
        finishReason = part.finishReason;
      }
    }
  } catch (thrown) {
    error ??= thrown;
  } finally {
    clearTimeout(timer);
    if (error) signal.abort(new Error("stream failed"));
  }
  // A provider that stops without its completion signal did not finish the answer.
  if (!error && (finishReason === "error" || finishReason === "interrupted")) {
    error = new StreamEndedEarly(`the stream ended without completing (${finishReason})`);
  }
  if (!error && live.firstTokenMs === undefined && finishReason === undefined) {
    error = new StreamEndedEarly("the stream ended without an answer");
  }
  if (!error) return { kind: "done", usage };
  const failure = classifyFailure(error, { timedOut, timeoutMs: deps.firstTokenTimeoutMs, now: deps.now() });
  if (error instanceof StreamEndedEarly && !timedOut) {
    failure.code = "bad_response";
    failure.reason = error.message;
    failure.coolDown = true;
  }
  return live.firstTokenMs === undefined ? { kind: "failed", failure } : { kind: "cut", failure, usage };
}

/**
 * The flow's streamText through the fallback list: budget and candidates first, then each candidate in order
 * until one produces its first token; from then on that candidate's answer is the answer, complete or partial.
 */
export async function* gatewayStreamText(
  deps: ResolvedDeps,
  scope: CallScope,
  request: TextGenerationRequest,
): AsyncGenerator<TextChunk> {
  const log = new AttemptLog(deps, scope);
  const candidates = await openRoute(deps, scope, request.modelPreference, log);
  const inputEstimate = estimateInputTokens(request.system, request.history, request.prompt);
  let live: Live | undefined;
  let settled = false;
  const controller = { current: undefined as AbortController | undefined };
  try {
    for (const candidate of candidates) {
      if (await log.skipIfCoolingDown(candidate)) continue;
      live = { candidate, started: deps.now(), text: "" };
      controller.current = new AbortController();
      const outcome = yield* streamCandidate(deps, request, live, controller.current);
      const latencyMs = deps.now() - live.started;
      if (outcome.kind === "failed") {
        await log.failed(candidate, outcome.failure, latencyMs);
        continue;
      }
      const tokens = {
        tokensIn: outcome.usage?.inputTokens ?? inputEstimate,
        tokensOut: outcome.usage?.outputTokens ?? estimateTokens(live.text),
      };
      const usage = await priceUsage(deps, scope, candidate, tokens, latencyMs);
      settled = true;
      const base = {
        scope,
        keyId: candidate.credentials.keyId,
        provider: candidate.credentials.provider,
        model: candidate.model,
        firstTokenMs: live.firstTokenMs,
        latencyMs,
        usage,
      };
      if (outcome.kind === "cut") {
        await recordAttempt(
          deps,
          {
            ...base,
            status: "partial",
            errorCode: outcome.failure.code,
            errorMessage: truncate(
              scrubSecrets(`${outcome.failure.reason}: ${outcome.failure.detail}`, candidate.credentials),
            ),
          },
          candidate,
        );
        throw new AiAnswerCutOffError(outcome.failure.reason, usage, live.text);
      }
      await recordAttempt(deps, { ...base, status: "success" }, candidate);
      yield { type: "finish", usage };
      return;
    }
    settled = true;
    throw log.allFailed();
  } finally {
    // The consumer stopped listening (client gone): cancel the request and keep what was said as partial.
    if (!settled && live) {
      controller.current?.abort(new Error("cancelled"));
      if (live.firstTokenMs !== undefined) await recordCancelled(deps, scope, live, inputEstimate);
    }
  }
}

async function recordCancelled(deps: ResolvedDeps, scope: CallScope, live: Live, inputEstimate: number) {
  const latencyMs = deps.now() - live.started;
  const tokens = { tokensIn: inputEstimate, tokensOut: estimateTokens(live.text) };
  const usage = await priceUsage(deps, scope, live.candidate, tokens, latencyMs);
  await recordAttempt(
    deps,
    {
      scope,
      keyId: live.candidate.credentials.keyId,
      provider: live.candidate.credentials.provider,
      model: live.candidate.model,
      status: "partial",
      errorCode: "cancelled",
      errorMessage: "the listener stopped before the answer was complete",
      firstTokenMs: live.firstTokenMs,
      latencyMs,
      usage,
    },
    live.candidate,
  );
}
