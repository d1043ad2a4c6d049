export const PROVIDERS = ["openai", "anthropic", "google", "mistral", "openai-compatible", "custom"] as const;
export type Provider = (typeof PROVIDERS)[number];

/** How each provider looks in lists: a name and a two-letter mark (no logos, no images). */
export const PROVIDER_LOOK: Record<Provider, { name: string; initials: string; className: string }> = {
  openai: {
    name: "OpenAI",
    initials: "OA",
    className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200",
  },
  anthropic: {
    name: "Anthropic",
    initials: "An",
    className: "bg-orange-100 text-orange-800 dark:bg-orange-900/60 dark:text-orange-200",
  },
  google: {
    name: "Google Gemini",
    initials: "Ge",
    className: "bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200",
  },
  mistral: {
    name: "Mistral",
    initials: "Mi",
    className: "bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200",
  },
  "openai-compatible": {
    name: "OpenAI-compatible",
    initials: "OC",
    className: "bg-violet-100 text-violet-800 dark:bg-violet-900/60 dark:text-violet-200",
  },
  custom: {
    name: "Custom",
    initials: "Cu",
    className: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
  },
};

export function providerLook(provider: string) {
  return PROVIDER_LOOK[provider as Provider] ?? { ...PROVIDER_LOOK.custom, name: provider };
}

export interface Preset {
  id: string;
  label: string;
  /** The key's label when none is typed (defaults to `label`). */
  keyLabel?: string;
  provider: Provider;
  /** The server's preset id for OpenAI-compatible presets (decides whether a key is required). */
  presetId?: string;
  /** Pre-filled base URL (compatible servers); empty means the field starts blank. */
  baseUrl?: string;
  /** Whether the server usually runs without a key (local servers). */
  keyOptional?: boolean;
  /** Suggested models when the catalogue has none for this server. */
  models?: string[];
  group?: "compatible";
}

/** The "Add a key" provider choices. Compatible servers are OpenAI-compatible with a preset base URL. */
export const PRESETS: Preset[] = [
  { id: "openai", label: "OpenAI", provider: "openai" },
  { id: "anthropic", label: "Anthropic", provider: "anthropic" },
  { id: "google", label: "Google Gemini", provider: "google" },
  { id: "mistral", label: "Mistral", provider: "mistral" },
  {
    id: "ollama",
    presetId: "ollama",
    label: "Ollama",
    provider: "openai-compatible",
    baseUrl: "http://127.0.0.1:11434/v1",
    keyOptional: true,
    models: ["llama3.2", "qwen2.5", "mistral"],
    group: "compatible",
  },
  {
    id: "groq",
    presetId: "groq",
    label: "Groq",
    provider: "openai-compatible",
    baseUrl: "https://api.groq.com/openai/v1",
    models: ["llama-3.3-70b-versatile", "llama-3.1-8b-instant"],
    group: "compatible",
  },
  {
    id: "together",
    presetId: "together",
    label: "Together AI",
    provider: "openai-compatible",
    baseUrl: "https://api.together.xyz/v1",
    models: ["meta-llama/Llama-3.3-70B-Instruct-Turbo"],
    group: "compatible",
  },
  {
    id: "openrouter",
    presetId: "openrouter",
    label: "OpenRouter",
    provider: "openai-compatible",
    baseUrl: "https://openrouter.ai/api/v1",
    models: ["openai/gpt-4o-mini", "anthropic/claude-3.5-haiku"],
    group: "compatible",
  },
  {
    id: "lmstudio",
    presetId: "lmstudio",
    label: "LM Studio",
    provider: "openai-compatible",
    baseUrl: "http://127.0.0.1:1234/v1",
    keyOptional: true,
    group: "compatible",
  },
  {
    id: "vllm",
    presetId: "vllm",
    label: "vLLM",
    provider: "openai-compatible",
    baseUrl: "http://127.0.0.1:8000/v1",
    keyOptional: true,
    group: "compatible",
  },
  {
    id: "compatible",
    label: "Other OpenAI-compatible server",
    keyLabel: "OpenAI-compatible server",
    provider: "openai-compatible",
    group: "compatible",
  },
  { id: "custom", label: "Custom (base URL and headers)", keyLabel: "Custom server", provider: "custom" },
];

export function presetById(id: string): Preset {
  return PRESETS.find((p) => p.id === id) ?? (PRESETS[0] as Preset);
}

/** "gpt-4o, gpt-4o-mini ,, x" → ["gpt-4o", "gpt-4o-mini", "x"], without duplicates. */
export function parseModels(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((m) => m.trim())
        .filter(Boolean),
    ),
  ];
}

/** "X-Org: acme\nX-Env: prod" → { "X-Org": "acme", "X-Env": "prod" }; lines without a colon are skipped. */
export function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf(":");
    if (at <= 0) continue;
    const name = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    if (name) headers[name] = value;
  }
  return headers;
}
