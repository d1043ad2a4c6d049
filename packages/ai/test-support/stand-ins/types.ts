/**
 * Types of the provider stand-ins: local HTTP servers that speak the real wire formats of OpenAI
 * (Chat Completions and Responses), Anthropic Messages and Google Gemini, scripted reply by reply.
 */

/** Faults a reply can carry instead of (or on top of) its text. */
export type Fault =
  /** 429 in the provider's error shape, with `Retry-After: retryAfterSeconds` (default 1). */
  | "rate-limit"
  /** 500 in the provider's error shape. */
  | "server-error"
  /** 401 in the provider's error shape, whatever key was sent. */
  | "unauthorized"
  /** Headers (and the non-content preamble events of the format) at once, then `delayMs` before the first content chunk. */
  | "slow-first-token"
  /** Sends the first chunks (`faultAfterChunks`, default half, at least one), then destroys the socket. */
  | "cut-mid-stream"
  /** A non-JSON `data:` line after the first chunks (`faultAfterChunks`); the stream then goes on and ends normally. */
  | "malformed-chunk";

export const FAULTS: readonly Fault[] = [
  "rate-limit",
  "server-error",
  "unauthorized",
  "slow-first-token",
  "cut-mid-stream",
  "malformed-chunk",
];

export interface ReplyUsage {
  input: number;
  output: number;
}

/** One scripted answer. Whichever wire format the request arrives in renders it. */
export interface Reply {
  /** The answer, split into several chunks at word boundaries (or into equal slices when it has no spaces). */
  text?: string;
  /** The answer as exact chunks: each becomes one delta on the wire, in order. Wins over `text`. */
  chunks?: string[];
  /** Structured output: serialised as the answer (and split into chunks when streamed). Wins over `chunks` and `text`. */
  json?: unknown;
  /** Token counts reported by the provider. Default: about one token per 4 characters of prompt and answer. */
  usage?: ReplyUsage;
  fault?: Fault;
  /** For "rate-limit": the `Retry-After` header, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** For "slow-first-token": the delay before the first content chunk (or the whole non-streamed body), in ms (default 500). */
  delayMs?: number;
  /** Delay between two content chunks, in ms (default 0). */
  chunkDelayMs?: number;
  /** For "cut-mid-stream" and "malformed-chunk": how many content chunks go out before the fault (default half, at least 1). */
  faultAfterChunks?: number;
}

/** The wire formats the stand-in speaks; the request path decides which one answers. */
export type WireFormatId = "openai-chat" | "openai-responses" | "anthropic-messages" | "google-gemini";

export type RouteId = WireFormatId | "ollama-tags" | "ollama-root" | "models-list" | "unknown";

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions` or `/v1beta/models/gemini-2.5-flash:streamGenerateContent`. */
  path: string;
  /** Query parameters (a `key` parameter is redacted like the auth headers). */
  query: Record<string, string>;
  /** Lower-cased header names; `authorization`, `x-api-key`, `x-goog-api-key`, `api-key` show their last 4 characters only. */
  headers: Record<string, string>;
  /** The parsed JSON body (undefined when there was none, the raw text when it was not JSON). */
  body: unknown;
  /** Which route answered. */
  route: RouteId;
  /** Whether the request asked for a stream (SSE). */
  stream: boolean;
  /** The model named by the request (body `model`, or the Gemini path). */
  model: string | undefined;
  /** What was answered: the HTTP status and the fault (if any) of the reply used. */
  status: number;
  fault?: Fault;
}

export interface StandInOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** When set, requests must carry this key (or one of these keys) in the provider's header, else 401 in its error shape. */
  expectedKey?: string | string[];
  /** Answer used when the queue is empty. Default: a short friendly text. */
  defaultReply?: Reply;
  /** Names listed by `GET /api/tags` (the Ollama model list). Default: `["llama3.2:latest"]`. */
  ollamaModels?: string[];
  /** Called after each request is recorded (the CLI logs with it). */
  onRequest?: (request: RecordedRequest) => void;
}

export interface StandInBaseUrls {
  /** For `createOpenAI({ baseURL })`: `${url}/v1`. */
  openai: string;
  /** For `createAnthropic({ baseURL })`: `${url}/v1`. */
  anthropic: string;
  /** For `createGoogleGenerativeAI({ baseURL })`: `${url}/v1beta`. */
  google: string;
  /** For `createOpenAICompatible({ baseURL })` (Ollama, Groq, Together, OpenRouter, LM Studio, vLLM): `${url}/v1`. */
  compatible: string;
  /** A local Ollama's root (`GET /api/tags`): the stand-in's own URL. */
  ollama: string;
}

export interface StandIn {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  baseUrls: StandInBaseUrls;
  /** Replies for the next model requests, in order, whatever their wire format. */
  enqueue(...replies: Reply[]): void;
  /** The reply used when the queue is empty. */
  setDefault(reply: Reply): void;
  /** Replies still queued. */
  pending(): number;
  /** Every request received, in arrival order (auth redacted). */
  requests: RecordedRequest[];
  /** Empties the queue and the recorded requests, and restores the initial default reply. */
  reset(): void;
  /** Stops listening, clears every timer and destroys every open socket. */
  close(): Promise<void>;
}
