import { turnInputSchema } from "@pixel/flow";
import { z } from "zod";
import {
  chatCompletionChunkSchema,
  chatCompletionRequestSchema,
  chatCompletionSchema,
  chatErrorSchema,
  conversationTranscriptSchema,
  conversationTurnRequestSchema,
  conversationTurnResponseSchema,
  MAX_MESSAGE_CHARS,
  openAiErrorSchema,
  publicChatConfigSchema,
  publicHistorySchema,
  publicTurnRequestSchema,
} from "./schemas.ts";

/**
 * The OpenAPI 3.1 document of the deployment APIs, built from the same zod schemas that validate the
 * requests (zod 4's JSON Schema is draft 2020-12, the dialect of OpenAPI 3.1). Pure: no I/O, no clock,
 * so the docs generator renders it and `--check` can compare.
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema and OpenAPI objects are open-ended JSON.
type Json = any;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Json>>;
  components: {
    schemas: Record<string, Json>;
    securitySchemes: Record<string, Json>;
    headers: Record<string, Json>;
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Every named schema of the document, with whether it describes what is sent (input) or received (output). */
const SCHEMAS: Record<string, { schema: z.ZodType; io: "input" | "output" }> = {
  ConversationTurnRequest: { schema: conversationTurnRequestSchema, io: "input" },
  ConversationTurn: { schema: conversationTurnResponseSchema, io: "output" },
  ConversationTranscript: { schema: conversationTranscriptSchema, io: "output" },
  TurnInput: { schema: turnInputSchema, io: "input" },
  ChatCompletionRequest: { schema: chatCompletionRequestSchema, io: "input" },
  ChatCompletion: { schema: chatCompletionSchema, io: "output" },
  ChatCompletionChunk: { schema: chatCompletionChunkSchema, io: "output" },
  PublicTurnRequest: { schema: publicTurnRequestSchema, io: "input" },
  PublicChatConfig: { schema: publicChatConfigSchema, io: "output" },
  PublicConversation: { schema: publicHistorySchema, io: "output" },
  Error: { schema: chatErrorSchema, io: "output" },
  OpenAIError: { schema: openAiErrorSchema, io: "output" },
};

/** A component schema: zod's JSON Schema without `$schema`, its `$defs` (if any) hoisted to components. */
function componentSchemas(): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [name, { schema, io }] of Object.entries(SCHEMAS)) {
    const { $schema: _dialect, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
    const rename = (def: string) => `${name}_${def}`;
    const rewrite = (value: Json): Json => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (!value || typeof value !== "object") return value;
      const copy: Json = {};
      for (const [key, inner] of Object.entries(value)) {
        copy[key] =
          key === "$ref" && typeof inner === "string" && inner.startsWith("#/$defs/")
            ? `#/components/schemas/${rename(inner.slice("#/$defs/".length))}`
            : rewrite(inner);
      }
      return copy;
    };
    for (const [def, value] of Object.entries(($defs ?? {}) as Record<string, Json>)) out[rename(def)] = rewrite(value);
    out[name] = rewrite(rest);
  }
  return out;
}

const json = (schema: Json, example?: Json) => ({
  "application/json": { schema, ...(example !== undefined ? { example } : {}) },
});

const RETRY_AFTER = { $ref: "#/components/headers/Retry-After" };
const CONVERSATION_ID_HEADER = { $ref: "#/components/headers/X-Pixel-Conversation-Id" };

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 423 | 429;

const ERROR_TEXT: Record<ErrorStatus, string> = {
  400: "Malformed JSON or a field that fails validation; the message names the field.",
  401: "No API key, or one that is unknown or revoked.",
  403: "The deployment has this channel turned off (or the widget's site is not allowed).",
  404: "Unknown deployment, conversation or model.",
  409: "The bot has no published version yet.",
  413: `The body is too large, or a message is longer than ${MAX_MESSAGE_CHARS.toLocaleString("en-US")} characters.`,
  423: "The deployment is paused.",
  429: "Rate limit reached; wait for Retry-After seconds.",
};

const ERROR_EXAMPLES: Record<ErrorStatus, { code: string; message: string }> = {
  400: { code: "invalid-request", message: "message: Too big: expected string to have <=4000 characters" },
  401: { code: "invalid-api-key", message: "The API key is not valid. Check that you copied the whole key." },
  403: {
    code: "channel-disabled",
    message: 'The REST API is turned off for this deployment. Turn on its "api" channel in the deployment\'s settings.',
  },
  404: { code: "conversation-not-found", message: "This conversation does not exist here. Start a new one." },
  409: { code: "not-published", message: "This bot has no published version yet." },
  413: { code: "message-too-long", message: "Messages can be at most 4,000 characters long; this one has 5,210." },
  423: { code: "deployment-paused", message: "This chat is paused. Please try again later." },
  429: { code: "rate-limited", message: "Too many requests. Try again in 12 s." },
};

const OPENAI_ERROR_EXAMPLES: Partial<Record<ErrorStatus, Json>> = {
  400: {
    message: "messages: send at least one message with the role `user`.",
    type: "invalid_request_error",
    param: null,
    code: "invalid_request",
  },
  401: {
    message: "The API key is not valid. Check that you copied the whole key.",
    type: "authentication_error",
    param: null,
    code: "invalid_api_key",
  },
  404: {
    message: "The model `gpt-4o` does not exist for this key. Use the deployment's slug, `support-bot`, as the model.",
    type: "invalid_request_error",
    param: "model",
    code: "model_not_found",
  },
  429: {
    message: "Too many requests. Try again in 12 s.",
    type: "rate_limit_error",
    param: null,
    code: "rate_limit_exceeded",
  },
};

function errors(statuses: ErrorStatus[], shape: "chat" | "openai" = "chat"): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const status of statuses) {
    const example =
      shape === "openai"
        ? { error: OPENAI_ERROR_EXAMPLES[status] ?? { ...toOpenAi(ERROR_EXAMPLES[status]) } }
        : { error: ERROR_EXAMPLES[status] };
    out[String(status)] = {
      description: ERROR_TEXT[status],
      ...(status === 429 ? { headers: { "Retry-After": RETRY_AFTER } } : {}),
      content: json(ref(shape === "openai" ? "OpenAIError" : "Error"), example),
    };
  }
  return out;
}

function toOpenAi(error: { code: string; message: string }) {
  return { message: error.message, type: "invalid_request_error", param: null, code: error.code.replaceAll("-", "_") };
}

const slugParameter = {
  name: "slug",
  in: "path",
  required: true,
  description: "The deployment's slug, as in its hosted page `/c/{slug}`.",
  schema: { type: "string", maxLength: 100 },
  example: "support-bot",
};

const conversationIdParameter = {
  name: "conversationId",
  in: "path",
  required: true,
  description: "The conversation's id.",
  schema: { type: "string", minLength: 1, maxLength: 64 },
  example: "cmx3k9v2a0001qz8r5t7y1u2w",
};

const greetingTurn = {
  conversationId: "cmx3k9v2a0001qz8r5t7y1u2w",
  status: "active",
  messages: [
    {
      id: "cmx3k9v3b0002qz8r0a1b2c3d",
      role: "assistant",
      text: "Hi! I'm the Acme assistant.",
      nodeId: "hello",
      tokensIn: 0,
      tokensOut: 0,
      costUsd: 0,
      status: "complete",
    },
  ],
  choices: {
    nodeId: "ask",
    prompt: "What can I help you with?",
    options: [
      { id: "pricing", label: "Pricing" },
      { id: "support", label: "Support" },
    ],
    allowFreeText: true,
  },
  ended: false,
};

const aiTurn = {
  conversationId: "cmx3k9v2a0001qz8r5t7y1u2w",
  status: "active",
  messages: [
    {
      id: "cmx3kb1c40007qz8r9e8f7g6h",
      role: "assistant",
      text: "Our plans start at $19 a month. Would you like a comparison?",
      nodeId: "answer",
      model: "gpt-4o-mini",
      tokensIn: 412,
      tokensOut: 18,
      costUsd: 0.000073,
      status: "complete",
    },
  ],
  ended: false,
};

const transcriptExample = {
  conversationId: "cmx3k9v2a0001qz8r5t7y1u2w",
  status: "active",
  createdAt: "2026-11-24T09:12:03.118Z",
  messages: [
    {
      id: "cmx3k9v3b0002qz8r0a1b2c3d",
      role: "assistant",
      text: "Hi! I'm the Acme assistant.",
      parts: [{ type: "text", text: "Hi! I'm the Acme assistant." }],
      nodeId: "hello",
      model: null,
      tokensIn: 0,
      tokensOut: 0,
      costUsd: 0,
      status: "complete",
      createdAt: "2026-11-24T09:12:03.201Z",
    },
    {
      id: "cmx3kb0z10006qz8r4d5e6f7g",
      role: "user",
      text: "How much does it cost?",
      parts: [
        { type: "text", text: "How much does it cost?" },
        { type: "data-input-sent", data: { type: "text", text: "How much does it cost?" } },
      ],
      nodeId: null,
      model: null,
      tokensIn: 0,
      tokensOut: 0,
      costUsd: 0,
      status: "complete",
      createdAt: "2026-11-24T09:12:31.540Z",
    },
  ],
};

const completionExample = {
  id: "chatcmpl-6f1c0a8e2b7d4c1e9a3f5b2d8c7e6a10",
  object: "chat.completion",
  created: 1795597923,
  model: "support-bot",
  choices: [
    {
      index: 0,
      message: {
        role: "assistant",
        content:
          "Hi! I'm the Acme assistant.\n\nWhat can I help you with?\n1. Pricing\n2. Support\n\nOur plans start at $19 a month.",
        refusal: null,
      },
      logprobs: null,
      finish_reason: "stop",
    },
  ],
  usage: { prompt_tokens: 412, completion_tokens: 11, total_tokens: 423 },
};

const UI_STREAM_DESCRIPTION =
  "With `stream: true`: the AI SDK UI message stream (server-sent events, header `x-vercel-ai-ui-message-stream: v1`), as the hosted chat reads it: `start`, `data-conversation`, `text-start` / `text-delta` / `text-end` per bot message, `data-choices`, `data-input`, `data-handoff`, `data-error`, `data-end`, `finish`, then `data: [DONE]`.";

/** The OpenAPI 3.1 document of the public chat endpoints, the REST API and the OpenAI-compatible API. */
export function buildOpenApiDocument(appUrl?: string): OpenApiDocument {
  const server = (appUrl ?? "http://localhost:3000").replace(/\/+$/, "");
  return {
    openapi: "3.1.0",
    info: {
      title: "Pixel AI Creator deployment APIs",
      version: "1.0.0",
      description:
        "Chat with a deployed bot: the public chat endpoints of the hosted page and the widget, the REST API and the OpenAI-compatible API for servers holding a deployment API key (`pxd_…`).",
    },
    servers: [{ url: server, description: appUrl ? "This installation" : "A local installation" }],
    tags: [
      {
        name: "REST API",
        description: "Server-to-server conversations with a deployment, authenticated with its API key.",
      },
      {
        name: "OpenAI-compatible API",
        description: "A deployment behind OpenAI's chat completions API: `model` is the deployment's slug.",
      },
      {
        name: "Public chat",
        description: "The endpoints of the hosted page and the embeddable widget: no key, per end-user limits, CORS.",
      },
    ],
    paths: {
      "/api/v1/conversations": {
        post: {
          operationId: "conversationTurn",
          tags: ["REST API"],
          summary: "Start or continue a conversation",
          description:
            "Runs one turn of the deployment's published flow and answers with what the bot said. Without `conversationId` a conversation starts; a `message` (or `input`) sent to a new conversation runs the flow's start first and then the message, when the flow waits for input, so the first call gets the greeting and the answer. Needs the deployment's `api` channel.",
          security: [{ deploymentKey: [] }],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: ref("ConversationTurnRequest"),
                examples: {
                  start: {
                    summary: "Start a conversation",
                    value: { endUserId: "customer-42", variables: { plan: "pro" } },
                  },
                  message: {
                    summary: "Continue with a message",
                    value: { conversationId: "cmx3k9v2a0001qz8r5t7y1u2w", message: "How much does it cost?" },
                  },
                  choice: {
                    summary: "Choose a quick reply",
                    value: {
                      conversationId: "cmx3k9v2a0001qz8r5t7y1u2w",
                      input: { type: "choice", optionId: "pricing" },
                    },
                  },
                  stream: {
                    summary: "Stream the answer",
                    value: { conversationId: "cmx3k9v2a0001qz8r5t7y1u2w", message: "Tell me more", stream: true },
                  },
                },
              },
            },
          },
          responses: {
            "200": {
              description: `What the bot said this turn. ${UI_STREAM_DESCRIPTION}`,
              headers: { "X-Pixel-Conversation-Id": CONVERSATION_ID_HEADER },
              content: {
                "application/json": {
                  schema: ref("ConversationTurn"),
                  examples: {
                    greeting: { summary: "A conversation starts", value: greetingTurn },
                    ai: { summary: "An AI answer", value: aiTurn },
                  },
                },
                "text/event-stream": {
                  schema: { type: "string", description: "AI SDK UI message stream chunks, one `data:` line each." },
                  example:
                    'data: {"type":"start","messageMetadata":{"conversationId":"cmx3k9v2a0001qz8r5t7y1u2w"}}\n\ndata: {"type":"text-start","id":"m1"}\n\ndata: {"type":"text-delta","id":"m1","delta":"Our plans"}\n\ndata: {"type":"text-end","id":"m1"}\n\ndata: {"type":"finish"}\n\ndata: [DONE]\n\n',
                },
              },
            },
            ...errors([400, 401, 403, 404, 409, 413, 423, 429]),
          },
        },
      },
      "/api/v1/conversations/{conversationId}": {
        get: {
          operationId: "getConversation",
          tags: ["REST API"],
          summary: "Read a conversation",
          description:
            "The transcript of one of the deployment's conversations (any channel), oldest message first, with each message's model, tokens and cost. Conversations of other deployments are 404.",
          security: [{ deploymentKey: [] }],
          parameters: [conversationIdParameter],
          responses: {
            "200": { description: "The transcript.", content: json(ref("ConversationTranscript"), transcriptExample) },
            ...errors([401, 403, 404, 409, 423, 429]),
          },
        },
      },
      "/api/v1/chat/completions": {
        post: {
          operationId: "createChatCompletion",
          tags: ["OpenAI-compatible API"],
          summary: "Chat through OpenAI's chat completions API",
          description:
            "The last `user` message is the turn's text; the answer is everything the bot said this turn, quick replies listed as `1. A`. The conversation continues with the `x-pixel-conversation-id` header (sent back with every answer), or else with the newest active conversation of `user`; otherwise a new one starts (its start turn runs first, then the text). Errors use OpenAI's shape. Needs the deployment's `openai` channel.",
          security: [{ deploymentKey: [] }],
          parameters: [
            {
              name: "x-pixel-conversation-id",
              in: "header",
              required: false,
              description: "Continue this conversation (from the header of an earlier answer).",
              schema: { type: "string", maxLength: 64 },
            },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: ref("ChatCompletionRequest"),
                examples: {
                  simple: {
                    summary: "One message",
                    value: { model: "support-bot", messages: [{ role: "user", content: "How much does it cost?" }] },
                  },
                  streamed: {
                    summary: "Streamed, for an end user",
                    value: {
                      model: "support-bot",
                      user: "customer-42",
                      stream: true,
                      stream_options: { include_usage: true },
                      messages: [{ role: "user", content: "And for teams?" }],
                    },
                  },
                },
              },
            },
          },
          responses: {
            "200": {
              description:
                "A `chat.completion`, or with `stream: true` `chat.completion.chunk` server-sent events ending with `data: [DONE]`.",
              headers: { "X-Pixel-Conversation-Id": CONVERSATION_ID_HEADER },
              content: {
                "application/json": { schema: ref("ChatCompletion"), example: completionExample },
                "text/event-stream": {
                  schema: ref("ChatCompletionChunk"),
                  example:
                    'data: {"id":"chatcmpl-6f1c…","object":"chat.completion.chunk","created":1795597923,"model":"support-bot","choices":[{"index":0,"delta":{"content":"Our plans"},"logprobs":null,"finish_reason":null}]}\n\ndata: [DONE]\n\n',
                },
              },
            },
            ...errors([400, 401, 403, 404, 409, 413, 423, 429], "openai"),
          },
        },
      },
      "/api/chat/{slug}": {
        post: {
          operationId: "publicChatTurn",
          tags: ["Public chat"],
          summary: "Send a turn from the hosted page or the widget",
          description:
            "One end-user turn, answered with the AI SDK UI message stream. No key: the channel is the hosted page (same origin) or the widget (another origin, which must be one of the deployment's allowed domains). Refusals are JSON, before any stream starts.",
          parameters: [slugParameter],
          requestBody: {
            required: true,
            content: json(ref("PublicTurnRequest"), {
              conversationId: null,
              endUserId: "v_3f9a1c7e",
              input: { type: "start" },
            }),
          },
          responses: {
            "200": {
              description: UI_STREAM_DESCRIPTION.replace("With `stream: true`: the", "The"),
              content: { "text/event-stream": { schema: { type: "string" } } },
            },
            ...errors([400, 403, 404, 409, 413, 423, 429]),
          },
        },
      },
      "/api/chat/{slug}/config": {
        get: {
          operationId: "publicChatConfig",
          tags: ["Public chat"],
          summary: "Read the chat's look",
          description: "What the hosted page and the widget need to draw the chat: title, greeting and theme.",
          parameters: [slugParameter],
          responses: {
            "200": {
              description: "The chat's configuration.",
              content: json(ref("PublicChatConfig"), {
                slug: "support-bot",
                name: "Support",
                title: "Chat with us",
                greeting: "Hi! Ask me anything.",
                theme: {
                  v: 1,
                  title: "Chat with us",
                  greeting: "Hi! Ask me anything.",
                  primaryColor: "#4f46e5",
                  backgroundColor: "#ffffff",
                  mode: "auto",
                  position: "bottom-right",
                },
                channels: ["hosted", "widget"],
              }),
            },
            ...errors([403, 404, 409, 423]),
          },
        },
      },
      "/api/chat/{slug}/conversations/{conversationId}": {
        get: {
          operationId: "publicConversation",
          tags: ["Public chat"],
          summary: "Reload a visitor's conversation",
          description:
            "The messages of the visitor's own conversation, for the hosted page and the widget to show again after a reload.",
          parameters: [
            slugParameter,
            conversationIdParameter,
            {
              name: "endUserId",
              in: "query",
              required: true,
              description: "The visitor's id, as sent with their turns.",
              schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,100}$" },
            },
          ],
          responses: {
            "200": {
              description: "The conversation's messages.",
              content: json(ref("PublicConversation"), {
                conversationId: "cmx3k9v2a0001qz8r5t7y1u2w",
                status: "active",
                messages: [
                  {
                    id: "cmx3k9v3b0002qz8r0a1b2c3d",
                    role: "assistant",
                    parts: [{ type: "text", text: "Hi! I'm the Acme assistant." }],
                  },
                ],
              }),
            },
            ...errors([400, 403, 404, 409, 423, 429]),
          },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        deploymentKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "pxd_…",
          description:
            "A deployment API key, created in the deployment's settings and shown once: `Authorization: Bearer pxd_…`. It acts on that deployment only.",
        },
      },
      headers: {
        "Retry-After": {
          description: "Seconds to wait before trying again.",
          schema: { type: "integer", minimum: 1 },
        },
        "X-Pixel-Conversation-Id": {
          description: "The conversation of this answer: send it back to continue.",
          schema: { type: "string" },
        },
      },
    },
  };
}

/** GET /api/openapi.json */
export function handleOpenApiRequest(appUrl?: string): Response {
  return Response.json(buildOpenApiDocument(appUrl), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
