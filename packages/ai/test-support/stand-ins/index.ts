/**
 * Provider stand-ins: local HTTP servers on 127.0.0.1 speaking the real wire formats of OpenAI (Chat Completions and
 * Responses), Anthropic Messages and Google Gemini, plus the Ollama model list, scripted reply by reply with faults
 * on demand. Point a provider's base URL at `standIn.baseUrls.*` and script the answers with `enqueue`.
 */
export { anthropicMessages } from "./anthropic.ts";
export { googleGemini } from "./google.ts";
export { openaiChat } from "./openai-chat.ts";
export { openaiResponses } from "./openai-responses.ts";
export { DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_SLOW_FIRST_TOKEN_MS, estimateTokens, splitText } from "./script.ts";
export { DEFAULT_REPLY_TEXT, startStandIn } from "./server.ts";
export type {
  Fault,
  RecordedRequest,
  Reply,
  ReplyUsage,
  RouteId,
  StandIn,
  StandInBaseUrls,
  StandInOptions,
  WireFormatId,
} from "./types.ts";
export { FAULTS } from "./types.ts";
