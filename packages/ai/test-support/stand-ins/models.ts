/**
 * `GET …/models`: the cheap call a "test the connection" button can make, in each provider's list shape.
 * `/v1beta/models` answers as Gemini; `/v1/models` as Anthropic when the request carries `anthropic-version`,
 * else as OpenAI (and OpenAI-compatible servers).
 */
import { anthropicMessages } from "./anthropic.ts";
import { googleGemini } from "./google.ts";
import { openaiChat } from "./openai-chat.ts";
import type { ParsedRequest, WireFormat } from "./wire.ts";
import { headerValue } from "./wire.ts";

export function modelsListFormat(request: ParsedRequest): WireFormat {
  if (/\/v1beta\/models$/.test(request.path)) return googleGemini;
  if (headerValue(request.headers, "anthropic-version") != null) return anthropicMessages;
  return openaiChat;
}

export function modelsListBody(format: WireFormat): unknown {
  switch (format.id) {
    case "google-gemini":
      return {
        models: ["gemini-2.5-flash", "gemini-2.5-pro"].map((id) => ({
          name: `models/${id}`,
          version: "001",
          displayName: id,
          inputTokenLimit: 1_048_576,
          outputTokenLimit: 65_536,
          supportedGenerationMethods: ["generateContent", "countTokens"],
        })),
      };
    case "anthropic-messages": {
      const data = ["claude-sonnet-4-5", "claude-haiku-4-5"].map((id) => ({
        type: "model",
        id,
        display_name: id,
        created_at: "2025-01-01T00:00:00Z",
      }));
      return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
    }
    default:
      return {
        object: "list",
        data: ["gpt-4o-mini", "gpt-4.1-mini"].map((id) => ({
          id,
          object: "model",
          created: 1_735_689_600,
          owned_by: "stand-in",
        })),
      };
  }
}
