import type { AiUsage } from "./events.ts";
import type { JsonValue } from "./json.ts";

/** A message of the conversation, as the driver keeps it (the engine's state does not hold history). */
export interface HistoryMessage {
  role: "user" | "assistant";
  text: string;
}

export interface ModelPreference {
  /** e.g. "openai:gpt-4o-mini", or a capability hint resolved by the AI layer ("fast", "smart"). */
  model: string;
  fallbacks?: string[];
}

export interface TextGenerationRequest {
  nodeId: string;
  modelPreference: ModelPreference;
  system: string;
  prompt: string;
  history: HistoryMessage[];
  temperature: number;
  maxTokens: number;
}

export type TextChunk = { type: "delta"; text: string } | { type: "finish"; usage: AiUsage };

export interface ObjectGenerationRequest {
  nodeId: string;
  modelPreference: ModelPreference;
  system: string;
  prompt: string;
  /** JSON Schema of the wanted object. */
  schema: Record<string, JsonValue>;
  temperature: number;
  maxTokens: number;
}

/** The one door to models. packages/ai implements it; tests pass a fake. */
export interface AiPort {
  streamText(request: TextGenerationRequest): AsyncIterable<TextChunk>;
  generateObject(request: ObjectGenerationRequest): Promise<{ object: Record<string, JsonValue>; usage: AiUsage }>;
}

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  /** Parsed JSON when the response was JSON, else the text. */
  body: JsonValue;
}

export interface HttpPort {
  request(request: HttpRequest): Promise<HttpResponse>;
}

/** Every effect the engine may need. Missing optional ports make their nodes fail with a clear event. */
export interface FlowPorts {
  ai?: AiPort;
  http?: HttpPort;
  clock: { now(): number };
  random: { next(): number };
}

export const systemClock = { now: () => Date.now() };
export const mathRandom = { next: () => Math.random() };
