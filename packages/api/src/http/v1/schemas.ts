import { turnInputSchema } from "@pixel/flow";
import { z } from "zod";
import { DEPLOYMENT_CHANNELS, deploymentThemeSchema } from "../../services/deployments/settings.ts";

/**
 * The wire schemas of the deployment APIs: the REST API (/api/v1/conversations), the OpenAI-compatible
 * API (/api/v1/chat/completions) and, for the OpenAPI document, the public chat endpoints (/api/chat/…).
 * Only zod and @pixel/flow here, so the docs generator can import this file on its own.
 */

/** The longest message an end user may send, as in the hosted chat. */
export const MAX_MESSAGE_CHARS = 4_000;

// ── Shared ───────────────────────────────────────────────────────────

export const conversationIdSchema = z
  .string()
  .min(1)
  .max(64)
  .describe("The conversation's id, from an earlier answer.");

/** Ids chosen by the integrator for their own users: account numbers, emails, UUIDs. */
export const apiEndUserIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.@:+-]{1,128}$/, "Use 1 to 128 letters, digits or _ . @ : + -")
  .describe("Your id for the person chatting (1–128 of A–Z a–z 0–9 _ . @ : + -). Per-user rate limits count by it.");

export const startVariablesSchema = z
  .record(
    z.string().regex(/^[A-Za-z_]\w{0,63}$/, "Variable names use letters, digits and _"),
    z.union([z.string().max(2_000), z.number(), z.boolean()]),
  )
  .refine((v) => Object.keys(v).length <= 50, "At most 50 variables")
  .describe("Flow variables set before the first node runs (at most 50). Only when the conversation starts.");

export const conversationStatusSchema = z
  .enum(["active", "waiting_for_operator", "ended"])
  .describe("active: the bot answers; waiting_for_operator: handed off to a person; ended: start a new one.");

export const choiceOptionSchema = z.object({
  id: z.string().describe('Send it back as `{ type: "choice", optionId }`.'),
  label: z.string().describe("The button text; typing it (or its number) chooses it too."),
});

export const fieldSpecSchema = z.object({
  name: z.string(),
  label: z.string().describe("The question."),
  type: z.enum(["text", "email", "number", "phone", "date", "select"]),
  required: z.boolean(),
  options: z.array(z.string()).optional().describe("For select: the choices."),
  min: z.number().optional(),
  max: z.number().optional(),
  placeholder: z.string().optional(),
});

export const choicesSchema = z
  .object({
    nodeId: z.string(),
    prompt: z.string().optional(),
    options: z.array(choiceOptionSchema),
    allowFreeText: z.boolean().describe("Whether a typed answer that matches no option is accepted."),
  })
  .describe("The quick replies the conversation now waits for.");

export const inputRequestSchema = z
  .object({
    nodeId: z.string(),
    field: fieldSpecSchema,
    error: z.string().optional().describe("Why the last answer was refused."),
  })
  .describe("The field the conversation now waits for.");

/** The error body of the chat endpoints and of the REST API. */
export const chatErrorSchema = z.object({
  error: z.object({
    code: z.string().describe("Stable, machine-readable: invalid-request, invalid-api-key, rate-limited…"),
    message: z.string().describe("What went wrong, in words a person can act on."),
  }),
});

// ── REST API ─────────────────────────────────────────────────────────

export const conversationTurnRequestSchema = z
  .object({
    conversationId: conversationIdSchema.nullish().describe("Continue this conversation; leave out to start one."),
    endUserId: apiEndUserIdSchema.optional(),
    message: z
      .string()
      .min(1)
      .max(MAX_MESSAGE_CHARS)
      .optional()
      .describe('What the user typed (at most 4,000 characters). Same as `input: { type: "text", text }`.'),
    input: turnInputSchema
      .optional()
      .describe(
        "What the user did: start, restart, text, choice (a quick reply) or form (field answers); a text or a form answer has at most 4,000 characters.",
      ),
    variables: startVariablesSchema.optional(),
    stream: z
      .boolean()
      .optional()
      .describe("true: answer with the AI SDK UI message stream (server-sent events) instead of JSON."),
  })
  .describe(
    "One turn. Send `message` or `input`, not both; a new conversation without either just starts. A message to a new conversation starts the flow first, then answers the message if the flow waits for input.",
  );
export type ConversationTurnRequest = z.infer<typeof conversationTurnRequestSchema>;

export const turnMessageSchema = z.object({
  id: z.string().describe("The message's id in the transcript."),
  role: z.literal("assistant"),
  text: z.string(),
  nodeId: z.string().nullable().describe("The flow node that said it."),
  model: z.string().optional().describe("For AI answers: the model that wrote it."),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  costUsd: z.number().describe("What the AI call cost, in US dollars (0 for static messages)."),
  status: z.enum(["complete", "partial", "failed"]).describe("partial: the model stopped mid-answer."),
});

export const conversationTurnResponseSchema = z.object({
  conversationId: z.string().describe("Send it back to continue the conversation."),
  status: conversationStatusSchema,
  messages: z.array(turnMessageSchema).describe("What the bot said this turn, in order."),
  choices: choicesSchema.optional(),
  input: inputRequestSchema.optional(),
  errors: z
    .array(z.object({ code: z.string(), message: z.string() }))
    .optional()
    .describe("Problems the bot ran into this turn (for example no AI provider); the turn itself succeeded."),
  ended: z.boolean().describe("true when the conversation is over: start a new one to chat again."),
});
export type ConversationTurnResponse = z.infer<typeof conversationTurnResponseSchema>;

export const transcriptMessageSchema = z.object({
  id: z.string(),
  role: z.enum(["user", "assistant", "system", "tool"]),
  text: z.string().describe("The message's text parts joined by blank lines."),
  parts: z
    .array(z.record(z.string(), z.unknown()))
    .describe("The stored parts: text, data-choices, data-input, data-input-sent, data-handoff, data-error."),
  nodeId: z.string().nullable(),
  model: z.string().nullable(),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  costUsd: z.number(),
  status: z.enum(["complete", "streaming", "partial", "failed"]),
  createdAt: z.iso.datetime(),
});

export const conversationTranscriptSchema = z.object({
  conversationId: z.string(),
  status: conversationStatusSchema,
  createdAt: z.iso.datetime(),
  messages: z.array(transcriptMessageSchema).describe("Oldest first; the last 1,000 messages."),
});
export type ConversationTranscript = z.infer<typeof conversationTranscriptSchema>;

// ── OpenAI-compatible API ────────────────────────────────────────────

const contentPartSchema = z.looseObject({
  type: z.string().describe("Only `text` parts are read."),
  text: z.string().optional(),
});

export const chatCompletionMessageSchema = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: z
    .union([z.string(), z.array(contentPartSchema), z.null()])
    .optional()
    .describe("A string, or content parts of which the text ones are read."),
  name: z.string().optional(),
});

export const chatCompletionRequestSchema = z
  .looseObject({
    model: z.string().min(1).max(200).describe("Your deployment's slug."),
    messages: z
      .array(chatCompletionMessageSchema)
      .min(1)
      .max(1_000)
      .describe("Only the last `user` message is read: it is the turn's text. The flow keeps its own history."),
    stream: z.boolean().nullish().describe("true: stream `chat.completion.chunk` server-sent events."),
    stream_options: z
      .looseObject({ include_usage: z.boolean().optional() })
      .nullish()
      .describe("With `include_usage`, a last chunk (empty `choices`) carries the usage."),
    user: apiEndUserIdSchema
      .nullish()
      .describe(
        "Your id for the person chatting. Without the conversation header, their newest active conversation continues.",
      ),
  })
  .describe(
    "OpenAI's chat completion request. Other fields (temperature, max_tokens, tools…) are accepted and ignored: the flow decides.",
  );
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

export const completionUsageSchema = z.object({
  prompt_tokens: z.number().int().describe("Input tokens of every AI step of the turn."),
  completion_tokens: z.number().int().describe("Output tokens of every AI step of the turn."),
  total_tokens: z.number().int(),
});

export const chatCompletionSchema = z.object({
  id: z.string().describe("`chatcmpl-…`"),
  object: z.literal("chat.completion"),
  created: z.number().int().describe("Unix time in seconds."),
  model: z.string().describe("The deployment's slug."),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({
        role: z.literal("assistant"),
        content: z
          .string()
          .describe("Everything the bot said this turn, joined by blank lines; quick replies listed as `1. A`."),
        refusal: z.null(),
      }),
      logprobs: z.null(),
      finish_reason: z.literal("stop"),
    }),
  ),
  usage: completionUsageSchema,
});

export const chatCompletionChunkSchema = z.object({
  id: z.string(),
  object: z.literal("chat.completion.chunk"),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      delta: z.object({ role: z.literal("assistant").optional(), content: z.string().optional() }),
      logprobs: z.null(),
      finish_reason: z.literal("stop").nullable(),
    }),
  ),
  usage: completionUsageSchema.nullish(),
});

export const openAiErrorSchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().describe("invalid_request_error, authentication_error, permission_error, rate_limit_error…"),
    param: z.string().nullable(),
    code: z.string().nullable().describe("model_not_found, invalid_api_key, rate_limit_exceeded…"),
  }),
});

// ── Public chat (hosted page and widget) ─────────────────────────────

export const publicEndUserIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, "Use 1 to 100 letters, digits, _ or -")
  .describe("An id the page keeps for its visitor (the hosted page: random, in localStorage).");

export const publicTurnRequestSchema = z.object({
  conversationId: conversationIdSchema.nullish().describe("Continue this conversation; null to start one."),
  endUserId: publicEndUserIdSchema,
  input: turnInputSchema.describe("What the visitor did; text and form answers at most 4,000 characters each."),
});

export const publicChatConfigSchema = z.object({
  slug: z.string(),
  name: z.string(),
  title: z.string(),
  greeting: z.string(),
  theme: deploymentThemeSchema,
  channels: z.array(z.enum(DEPLOYMENT_CHANNELS)),
});

export const publicHistorySchema = z.object({
  conversationId: z.string(),
  status: conversationStatusSchema,
  messages: z.array(
    z.object({
      id: z.string(),
      role: z.enum(["user", "assistant"]),
      parts: z.array(z.record(z.string(), z.unknown())),
    }),
  ),
});
