import {
  type AiGateway,
  type Candidate,
  createAiGateway,
  createMemoryCooldownStore,
  PROVIDER_KINDS,
  type ProviderKind,
  priceFor,
} from "@pixel/ai";
import type { AiPort } from "@pixel/flow";

/** What a gallery visitor reads where an AI answer would be, when the operator has set no preview provider. */
export const NO_PREVIEW_PROVIDER_MESSAGE =
  "AI answers in this preview need an AI provider, and none is set up for previews on this site. The rest of the flow runs as usual; use the template to try it with your own provider.";

export interface PreviewProviderConfig {
  provider: ProviderKind;
  model: string;
  apiKey: string | null;
  baseUrl: string | null;
}

/**
 * The operator's provider for anonymous gallery previews, from the environment:
 * PIXEL_PREVIEW_PROVIDER (openai, anthropic, google, mistral, openai-compatible, custom), PIXEL_PREVIEW_MODEL,
 * PIXEL_PREVIEW_API_KEY (not needed by local servers), PIXEL_PREVIEW_BASE_URL (needed by openai-compatible and
 * custom). Null when not set, or set incompletely (said once in the log, without the key).
 */
export function previewProviderFromEnv(
  env: Record<string, string | undefined> = process.env,
): PreviewProviderConfig | null {
  const provider = env.PIXEL_PREVIEW_PROVIDER?.trim();
  if (!provider) return null;
  const model = env.PIXEL_PREVIEW_MODEL?.trim();
  const apiKey = env.PIXEL_PREVIEW_API_KEY?.trim() || null;
  const baseUrl = env.PIXEL_PREVIEW_BASE_URL?.trim() || null;
  const problem = !PROVIDER_KINDS.includes(provider as ProviderKind)
    ? `PIXEL_PREVIEW_PROVIDER "${provider}" is not one of ${PROVIDER_KINDS.join(", ")}`
    : !model
      ? "PIXEL_PREVIEW_MODEL is not set"
      : (provider === "openai-compatible" || provider === "custom") && !baseUrl
        ? `PIXEL_PREVIEW_BASE_URL is needed for ${provider}`
        : null;
  if (problem) {
    warnOnce(`[templates] gallery previews run without AI: ${problem}`);
    return null;
  }
  return { provider: provider as ProviderKind, model: model as string, apiKey, baseUrl };
}

let warned = false;
function warnOnce(text: string) {
  if (warned) return;
  warned = true;
  console.warn(text);
}

/** An AI port whose every call says plainly that previews have no provider; the engine shows it and goes on. */
function unavailablePort(): AiPort {
  const fail = () => {
    throw new Error(NO_PREVIEW_PROVIDER_MESSAGE);
  };
  return {
    // biome-ignore lint/correctness/useYield: it fails before its first chunk, like a provider that is not there.
    streamText: async function* () {
      fail();
    },
    generateObject: async () => fail(),
  };
}

function buildGateway(config: PreviewProviderConfig, fetchImpl?: typeof fetch): AiGateway {
  const candidate: Candidate = {
    credentials: {
      keyId: null,
      provider: config.provider,
      secret: config.apiKey,
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    },
    model: config.model,
  };
  return createAiGateway({
    candidates: { candidates: async () => [candidate] },
    cooldowns: createMemoryCooldownStore(),
    usage: { record: async () => {} },
    budgets: { check: async () => ({ kind: "allow" }) },
    prices: async (provider, model) => priceFor(provider, model, {}),
    unavailableMessage: async () => NO_PREVIEW_PROVIDER_MESSAGE,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

/** One gateway per configuration (the environment's, in the app), so its provider model is built once. */
let cached: { signature: string; gateway: AiGateway } | null = null;

/**
 * The gallery preview's AI port: every AI step of any template answers with the operator's one model (a
 * template's own model preference names the builder's keys, which a visitor has none of). Nothing is recorded
 * against an organization and no budget applies: the preview endpoint's per-visitor rate limit bounds the spend.
 */
export function previewAiPort(config: PreviewProviderConfig | null, options: { fetch?: typeof fetch } = {}): AiPort {
  if (!config) return unavailablePort();
  const scope = { organizationId: "gallery-preview" };
  if (options.fetch) return buildGateway(config, options.fetch).port(scope);
  const signature = JSON.stringify(config);
  if (cached?.signature !== signature) cached = { signature, gateway: buildGateway(config) };
  return cached.gateway.port(scope);
}
