import { generateText } from "ai";
import type { Candidate } from "../contracts.ts";
import { classifyFailure, type Failure, formatSeconds } from "./classify.ts";
import type { ResolvedDeps } from "./deps.ts";
import { scrubSecrets, truncate } from "./scrub.ts";

export interface ConnectionTestResult {
  ok: boolean;
  /** One sentence for the settings page; never holds the secret. */
  message: string;
  latencyMs: number;
  model: string;
}

/** Where the call went, without userinfo or query (they may hold credentials). */
function whereTo(candidate: Candidate): string {
  const { baseUrl, provider } = candidate.credentials;
  if (!baseUrl) return provider;
  try {
    const url = new URL(baseUrl);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return provider;
  }
}

/** The provider's own words, when they help (a 400 saying what is wrong), scrubbed and short. */
function providerSays(failure: Failure, candidate: Candidate): string {
  const text = scrubSecrets(failure.detail.replace(/^\w*Error: /, ""), candidate.credentials).trim();
  return text ? ` The provider says: "${truncate(text, 200)}"` : "";
}

function explain(failure: Failure, candidate: Candidate, timeoutMs: number): string {
  const status = failure.status;
  switch (failure.code) {
    case "auth":
      return status === 403
        ? "Refused: the key is not allowed to use this model or endpoint (403)."
        : `Refused: the provider says the key is invalid (${status ?? 401}).`;
    case "rate_limited":
      return "Reached, but rate limited (429): the key works but is over its rate limit or quota right now.";
    case "server_error":
      return `The provider had a server error (${status ?? "5xx"}); try again in a moment.`;
    case "timeout":
      return `No answer within ${formatSeconds(timeoutMs)} from ${whereTo(candidate)}.`;
    case "network":
      return `Could not reach ${whereTo(candidate)}: ${failure.reason}.`;
    case "bad_request":
      return status === 404
        ? `Not found: the provider does not know the model "${candidate.model}" (404).${providerSays(failure, candidate)}`
        : `Rejected: the provider refused the request (${status ?? 400}).${providerSays(failure, candidate)}`;
    case "config":
      return failure.reason;
    case "bad_response":
    case "bad_output":
      return `Reached ${whereTo(candidate)}, but its answer could not be read: ${failure.reason}.`;
    default:
      return `The test call failed: ${failure.reason}.${providerSays(failure, candidate)}`;
  }
}

/** A tiny live call ("Reply with OK") whose result reads well on the settings page. Nothing is recorded. */
export async function testConnection(deps: ResolvedDeps, candidate: Candidate): Promise<ConnectionTestResult> {
  const started = deps.now();
  const timeoutMs = Math.min(deps.generateTimeoutMs, 30_000);
  let timedOut = false;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error("timeout"));
  }, timeoutMs);
  const { provider } = candidate.credentials;
  try {
    await generateText({
      model: deps.createModel(candidate),
      prompt: "Reply with OK",
      // 16 is the smallest the OpenAI Responses API accepts.
      maxOutputTokens: 16,
      maxRetries: 0,
      abortSignal: controller.signal,
    });
    const latencyMs = deps.now() - started;
    return {
      ok: true,
      message: `Connected: ${provider} ${candidate.model} answered in ${latencyMs} ms`,
      latencyMs,
      model: candidate.model,
    };
  } catch (error) {
    const failure = classifyFailure(error, { timedOut, timeoutMs, now: deps.now() });
    return {
      ok: false,
      message: scrubSecrets(explain(failure, candidate, timeoutMs), candidate.credentials),
      latencyMs: deps.now() - started,
      model: candidate.model,
    };
  } finally {
    clearTimeout(timer);
  }
}
