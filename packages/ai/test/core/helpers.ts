import type { HistoryMessage } from "@pixel/flow";
import { APICallError, type LanguageModel } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import {
  type AiGatewayDeps,
  type AttemptRecord,
  type BudgetDecision,
  type CallScope,
  type Candidate,
  createAiGateway,
  MemoryCooldownStore,
  type ProviderKind,
  priceFor,
} from "../../src/index.ts";

export const CANARY = "sk-canary-0123456789abcdef";
export const SCOPE: CallScope = {
  organizationId: "org_1",
  botId: "bot_1",
  deploymentId: "dep_1",
  conversationId: "c_1",
};
export const OWNER_TEXT = "Our assistant is resting this month. Write to help@example.com.";

type MockOptions = NonNullable<ConstructorParameters<typeof MockLanguageModelV4>[0]>;
type StreamFn = Extract<MockOptions["doStream"], (...args: never[]) => unknown>;
type GenerateFn = Extract<MockOptions["doGenerate"], (...args: never[]) => unknown>;
type CallOptions = Parameters<StreamFn>[0];

export function usage(input: number | undefined, output: number | undefined) {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
  };
}

const STOP = { unified: "stop", raw: "stop" } as const;

/** A model that streams these deltas, then finishes with this usage. */
export function streaming(deltas: string[], tokens: { in?: number; out?: number } = { in: 100, out: 20 }) {
  return new MockLanguageModelV4({
    doStream: async () => ({
      stream: new ReadableStream({
        start(c) {
          c.enqueue({ type: "stream-start", warnings: [] });
          c.enqueue({ type: "text-start", id: "t" });
          for (const delta of deltas) c.enqueue({ type: "text-delta", id: "t", delta });
          c.enqueue({ type: "text-end", id: "t" });
          c.enqueue({ type: "finish", usage: usage(tokens.in, tokens.out), finishReason: STOP });
          c.close();
        },
      }),
    }),
  });
}

/** A model whose call is refused before any token. */
export function refusing(error: () => unknown) {
  return new MockLanguageModelV4({
    doStream: async () => {
      throw error();
    },
    doGenerate: async () => {
      throw error();
    },
  });
}

/** A model that never sends anything (until aborted). */
export function stalling() {
  return new MockLanguageModelV4({
    doStream: async (options: CallOptions) => ({
      stream: new ReadableStream({
        start(c) {
          options.abortSignal?.addEventListener("abort", () => c.error(options.abortSignal?.reason));
        },
      }),
    }),
  });
}

/** A model that streams some deltas, then its connection breaks. */
export function cutting(deltas: string[], error: unknown = new TypeError("terminated")) {
  return new MockLanguageModelV4({
    doStream: async () => ({
      stream: new ReadableStream({
        start(c) {
          c.enqueue({ type: "text-start", id: "t" });
          for (const delta of deltas) c.enqueue({ type: "text-delta", id: "t", delta });
          setTimeout(() => c.error(error), 5);
        },
      }),
    }),
  });
}

/** A model that answers a structured call with this text. */
export function answering(text: string, tokens = { in: 50, out: 10 }) {
  const doGenerate: GenerateFn = async () => ({
    content: [{ type: "text", text }],
    finishReason: STOP,
    usage: usage(tokens.in, tokens.out),
    warnings: [],
  });
  return new MockLanguageModelV4({ doGenerate });
}

export function apiError(
  status: number | undefined,
  headers: Record<string, string> = {},
  extra: { cause?: unknown } = {},
) {
  return new APICallError({
    // Some providers echo what they were sent: the scrubber must catch it.
    message: `Provider says no (${status ?? "network"}) for key ${CANARY}`,
    url: "https://api.example.test/v1/responses",
    requestBodyValues: { model: "x" },
    statusCode: status,
    responseHeaders: headers,
    responseBody: `{"error":"bad key ${CANARY}"}`,
    isRetryable: status === undefined || status === 429 || status >= 500,
    cause: extra.cause,
  });
}

export function candidate(keyId: string | null, provider: ProviderKind, model: string): Candidate {
  return {
    credentials: { keyId, provider, secret: keyId ? CANARY : null, headers: { "X-Team-Token": `${CANARY}-hdr` } },
    model,
  };
}

export interface Harness {
  deps: AiGatewayDeps;
  attempts: AttemptRecord[];
  cooldowns: MemoryCooldownStore;
  clock: { now: number };
  models: Map<string, LanguageModel>;
  budget: { decision: BudgetDecision; calls: Array<{ scope: CallScope; keyIds: string[] }> };
  candidateCalls: string[];
  gateway: ReturnType<typeof createAiGateway>;
}

/**
 * A gateway over in-memory contracts. `lists` maps a model reference to its candidates; `models` maps
 * "<keyId>|<model>" to the mock model that candidate calls.
 */
export function harness(
  lists: Record<string, Candidate[]>,
  models: Record<string, LanguageModel>,
  overrides: Partial<AiGatewayDeps> = {},
): Harness {
  const attempts: AttemptRecord[] = [];
  const cooldowns = new MemoryCooldownStore();
  const clock = { now: 1_000_000 };
  const modelMap = new Map(Object.entries(models));
  const budget: Harness["budget"] = { decision: { kind: "allow" }, calls: [] };
  const candidateCalls: string[] = [];
  const deps: AiGatewayDeps = {
    candidates: {
      candidates: async (_scope, ref) => {
        candidateCalls.push(ref);
        return lists[ref] ?? [];
      },
    },
    cooldowns,
    usage: {
      record: async (attempt) => {
        attempts.push(structuredClone(attempt));
      },
    },
    budgets: {
      check: async (scope, keyIds) => {
        budget.calls.push({ scope, keyIds });
        return budget.decision;
      },
    },
    prices: async (provider, model) => priceFor(provider, model),
    unavailableMessage: async () => OWNER_TEXT,
    now: () => clock.now,
    createModel: (c) => {
      const model = modelMap.get(`${c.credentials.keyId}|${c.model}`);
      if (!model) throw new Error(`no mock model for ${c.credentials.keyId}|${c.model}`);
      return model;
    },
    ...overrides,
  };
  return { deps, attempts, cooldowns, clock, models: modelMap, budget, candidateCalls, gateway: createAiGateway(deps) };
}

export function textRequest(model: string, extra: { fallbacks?: string[]; history?: HistoryMessage[] } = {}) {
  return {
    nodeId: "ai",
    modelPreference: { model, fallbacks: extra.fallbacks ?? [] },
    system: "You are kind.",
    prompt: "Hello there",
    history: extra.history ?? [],
    temperature: 0.3,
    maxTokens: 256,
  };
}

/** Reads a port stream to the end: the chunks, and the error it ended with (if any). */
export async function drain(stream: AsyncIterable<{ type: string }>) {
  const chunks: Array<{ type: string; text?: string; usage?: unknown }> = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
    return { chunks, error: undefined as Error | undefined };
  } catch (error) {
    return { chunks, error: error as Error };
  }
}
