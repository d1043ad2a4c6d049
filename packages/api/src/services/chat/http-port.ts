import type { HttpPort, JsonValue } from "@pixel/flow";

const MAX_RESPONSE_BYTES = 1_000_000;

/**
 * The webhook node's door to the network: only http(s), a hard timeout, and a bounded response size,
 * so one slow or huge endpoint cannot hold a chat turn.
 */
export function createHttpPort(fetchImpl: typeof fetch = fetch): HttpPort {
  return {
    async request(request) {
      const url = new URL(request.url);
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new Error("Only http and https URLs are called.");
      const response = await fetchImpl(url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined && request.method !== "GET" ? { body: request.body } : {}),
        signal: AbortSignal.timeout(request.timeoutMs),
        redirect: "follow",
      });
      const text = (await response.text()).slice(0, MAX_RESPONSE_BYTES);
      let body: JsonValue = text;
      if ((response.headers.get("content-type") ?? "").includes("json")) {
        try {
          body = JSON.parse(text) as JsonValue;
        } catch {
          body = text;
        }
      }
      return { status: response.status, body };
    },
  };
}
