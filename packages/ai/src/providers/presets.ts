/**
 * OpenAI-compatible servers the settings page offers with a pre-filled base URL. They all speak
 * /v1/chat/completions, so they run through @ai-sdk/openai-compatible (provider kind "openai-compatible").
 */
export interface CompatiblePreset {
  id: string;
  label: string;
  baseUrl: string;
  /** Local servers run without a key; hosted ones refuse calls without one. */
  requiresKey: boolean;
  /** Runs on the user's machine (offered keyless when found). */
  local: boolean;
  /** Suggested models when the catalogue has none for this server. */
  suggestedModels: string[];
}

export const COMPATIBLE_PRESETS: readonly CompatiblePreset[] = [
  {
    id: "ollama",
    label: "Ollama",
    baseUrl: "http://127.0.0.1:11434/v1",
    requiresKey: false,
    local: true,
    suggestedModels: ["llama3.2", "qwen2.5", "mistral"],
  },
  {
    id: "groq",
    label: "Groq",
    baseUrl: "https://api.groq.com/openai/v1",
    requiresKey: true,
    local: false,
    suggestedModels: ["llama-3.3-70b-versatile", "llama-3.1-8b-instant"],
  },
  {
    id: "together",
    label: "Together AI",
    baseUrl: "https://api.together.xyz/v1",
    requiresKey: true,
    local: false,
    suggestedModels: ["meta-llama/Llama-3.3-70B-Instruct-Turbo"],
  },
  {
    id: "openrouter",
    label: "OpenRouter",
    baseUrl: "https://openrouter.ai/api/v1",
    requiresKey: true,
    local: false,
    suggestedModels: ["openai/gpt-4o-mini", "anthropic/claude-3.5-haiku"],
  },
  {
    id: "lmstudio",
    label: "LM Studio",
    baseUrl: "http://127.0.0.1:1234/v1",
    requiresKey: false,
    local: true,
    suggestedModels: [],
  },
  {
    id: "vllm",
    label: "vLLM",
    baseUrl: "http://127.0.0.1:8000/v1",
    requiresKey: false,
    local: true,
    suggestedModels: [],
  },
];

export function compatiblePreset(id: string): CompatiblePreset | undefined {
  return COMPATIBLE_PRESETS.find((p) => p.id === id);
}
