/**
 * The bits of a local Ollama's native API used to detect it: `GET /` answers "Ollama is running" (text/plain)
 * and `GET /api/tags` lists the pulled models. Chat goes through Ollama's OpenAI-compatible `/v1/chat/completions`,
 * which is the openai-chat format.
 */

export const OLLAMA_ROOT_TEXT = "Ollama is running";

export function ollamaTags(models: readonly string[]) {
  return {
    models: models.map((name, index) => {
      const [family = name] = name.split(":");
      return {
        name,
        model: name,
        modified_at: "2025-01-01T00:00:00.000000000Z",
        size: 2_019_393_189 + index,
        digest: `${(index + 1).toString(16).padStart(2, "0")}${"a".repeat(62)}`,
        details: {
          parent_model: "",
          format: "gguf",
          family,
          families: [family],
          parameter_size: "3.2B",
          quantization_level: "Q4_K_M",
        },
      };
    }),
  };
}
