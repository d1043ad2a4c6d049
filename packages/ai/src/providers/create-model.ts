import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogle } from "@ai-sdk/google";
import { createMistral } from "@ai-sdk/mistral";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import type { Candidate } from "../contracts.ts";

/** A key that cannot be called as configured (no secret, no base URL). Its message is ours and safe to show. */
export class ProviderConfigError extends Error {
  override name = "ProviderConfigError";
}

function requireSecret(candidate: Candidate): string {
  const { secret, provider } = candidate.credentials;
  // An explicit key always: the SDKs otherwise fall back to OPENAI_API_KEY & co. of the server's environment,
  // which would spend the platform's money on a customer's behalf.
  if (!secret) throw new ProviderConfigError(`The ${provider} key has no secret; add one in Settings → AI providers.`);
  return secret;
}

/**
 * A ready-to-call AI SDK model for one candidate. openai uses the Responses API (`openai(model)`);
 * OpenAI-compatible and custom servers use /v1/chat/completions, the dialect they all speak.
 */
export function createLanguageModel(candidate: Candidate, options: { fetch?: typeof fetch } = {}): LanguageModel {
  const { credentials, model } = candidate;
  const baseURL = credentials.baseUrl?.replace(/\/+$/, "") || undefined;
  const headers = credentials.headers && Object.keys(credentials.headers).length ? credentials.headers : undefined;
  const fetch = options.fetch;
  switch (credentials.provider) {
    case "openai":
      return createOpenAI({ apiKey: requireSecret(candidate), baseURL, headers, fetch })(model);
    case "anthropic":
      return createAnthropic({ apiKey: requireSecret(candidate), baseURL, headers, fetch })(model);
    case "google":
      return createGoogle({ apiKey: requireSecret(candidate), baseURL, headers, fetch })(model);
    case "mistral":
      return createMistral({ apiKey: requireSecret(candidate), baseURL, headers, fetch })(model);
    case "openai-compatible":
    case "custom": {
      if (!baseURL) throw new ProviderConfigError(`The ${credentials.provider} key has no base URL.`);
      return createOpenAICompatible({
        name: credentials.provider,
        baseURL,
        // Local servers (Ollama, LM Studio, vLLM) take no key: no Authorization header then.
        apiKey: credentials.secret ?? undefined,
        headers,
        fetch,
        // Asks for usage in the final chunk (stream_options.include_usage), so streamed calls are counted.
        includeUsage: true,
      })(model);
    }
    default: {
      const unknown: never = credentials.provider;
      throw new ProviderConfigError(`Unknown provider "${String(unknown)}".`);
    }
  }
}
