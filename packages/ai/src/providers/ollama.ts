export interface OllamaDetection {
  available: boolean;
  /** Model names as Ollama lists them ("llama3.2:latest"). */
  models: string[];
  baseUrl: string;
}

/**
 * Is an Ollama running locally? GET /api/tags with a short timeout, so a settings page never waits on it.
 * Never throws: anything but a well-formed answer means "not available".
 */
export async function detectLocalOllama(
  fetchFn: typeof fetch = fetch,
  baseUrl = "http://127.0.0.1:11434",
): Promise<OllamaDetection> {
  const root = baseUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
  const none = { available: false, models: [], baseUrl: root };
  try {
    const response = await fetchFn(`${root}/api/tags`, { signal: AbortSignal.timeout(500) });
    if (!response.ok) return none;
    const body = (await response.json()) as { models?: Array<{ name?: unknown; model?: unknown }> };
    if (!body || !Array.isArray(body.models)) return none;
    const models = body.models
      .map((m) => (typeof m?.name === "string" ? m.name : typeof m?.model === "string" ? m.model : null))
      .filter((m): m is string => Boolean(m));
    return { available: true, models, baseUrl: root };
  } catch {
    return none;
  }
}
