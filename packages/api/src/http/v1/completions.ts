import { randomUUID } from "node:crypto";
import { ChatError } from "../../services/chat/index.ts";
import { readJson } from "../preview-handler.ts";
import { authenticateDeploymentKey, consumeTurnLimits, storedEndUserId } from "./auth.ts";
import type { ApiRequestOptions } from "./conversations.ts";
import { CompletionText, openAiErrorResponse } from "./openai-format.ts";
import { CONVERSATION_HEADER, invalidRequest } from "./respond.ts";
import {
  type ChatCompletionRequest,
  chatCompletionRequestSchema,
  conversationIdSchema,
  MAX_MESSAGE_CHARS,
} from "./schemas.ts";
import { openTurnSequence, type TurnSequence, type TurnSequenceOutcome, usageOf } from "./turns.ts";

/** Clients resend the whole history with every call; it is read only for its last user message. */
const MAX_BODY_BYTES = 2_000_000;

/**
 * POST /api/v1/chat/completions — a deployment behind OpenAI's chat completions API, so the official
 * clients (and anything built on them) can chat with a bot: `model` is the deployment's slug, the last
 * user message is the turn's text, the answer is everything the bot said. The conversation continues
 * through the `x-pixel-conversation-id` header, or the newest active conversation of the `user`.
 */
export async function handleChatCompletions(options: ApiRequestOptions): Promise<Response> {
  try {
    const { req, prisma } = options;
    const { deployment } = await authenticateDeploymentKey(prisma, req, "openai");
    const parsed = chatCompletionRequestSchema.safeParse(await readJson(req, MAX_BODY_BYTES));
    if (!parsed.success) throw invalidRequest(parsed.error.issues);
    const body = parsed.data;
    if (body.model !== deployment.slug) {
      throw new ChatError(
        404,
        "model_not_found",
        `The model \`${body.model}\` does not exist for this key. Use the deployment's slug, \`${deployment.slug}\`, as the model.`,
      );
    }
    const text = lastUserText(body);
    const endUserId = storedEndUserId(body.user);
    await consumeTurnLimits(deployment, endUserId);

    let conversationId = req.headers.get(CONVERSATION_HEADER)?.trim() || null;
    if (conversationId && !conversationIdSchema.safeParse(conversationId).success) {
      throw new ChatError(404, "conversation-not-found", "This conversation does not exist here. Start a new one.");
    }
    if (!conversationId && endUserId) {
      const latest = await prisma.conversation.findFirst({
        where: { deploymentId: deployment.id, endUserId, status: "active" },
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      conversationId = latest?.id ?? null;
    }
    const sequence = await openTurnSequence(
      { prisma, ...(options.ports ? { ports: options.ports } : {}) },
      {
        organizationId: deployment.organizationId,
        botId: deployment.botId,
        deploymentId: deployment.id,
        channel: "openai",
        endUserId,
        flow: deployment.flow,
        conversationId,
        input: { type: "text", text },
      },
    );
    const completion = {
      id: `chatcmpl-${randomUUID().replaceAll("-", "")}`,
      created: Math.floor(Date.now() / 1000),
      model: deployment.slug,
    };
    const headers = { [CONVERSATION_HEADER]: sequence.conversationId };
    if (!body.stream) {
      const content = new CompletionText();
      const outcome = await sequence.run((chunk) => content.push(chunk));
      return Response.json(
        {
          ...completion,
          object: "chat.completion",
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: content.text, refusal: null },
              logprobs: null,
              finish_reason: "stop",
            },
          ],
          usage: usage(outcome),
        },
        { headers: { ...headers, "cache-control": "no-store" } },
      );
    }
    return streamResponse(sequence, completion, body.stream_options?.include_usage === true, headers);
  } catch (error) {
    return openAiErrorResponse(error);
  }
}

/** The last user message's text (string content, or its text parts joined), the turn's input. */
function lastUserText(body: ChatCompletionRequest): string {
  const message = body.messages.findLast((m) => m.role === "user");
  if (!message) {
    throw new ChatError(400, "invalid-request", "messages: send at least one message with the role `user`.");
  }
  const content = message.content;
  const text = (
    typeof content === "string"
      ? content
      : (content ?? [])
          .filter((part) => part.type === "text" && typeof part.text === "string")
          .map((part) => part.text as string)
          .join("\n")
  ).trim();
  if (!text) throw new ChatError(400, "invalid-request", "messages: the last user message has no text.");
  if (text.length > MAX_MESSAGE_CHARS) {
    throw new ChatError(
      413,
      "message-too-long",
      `Messages can be at most ${MAX_MESSAGE_CHARS.toLocaleString("en-US")} characters long; this one has ${text.length.toLocaleString("en-US")}.`,
    );
  }
  return text;
}

function usage(outcome: TurnSequenceOutcome) {
  const { tokensIn, tokensOut } = usageOf(outcome);
  return { prompt_tokens: tokensIn, completion_tokens: tokensOut, total_tokens: tokensIn + tokensOut };
}

/**
 * `chat.completion.chunk` server-sent events: the role first, then the content as the engine streams it
 * (token by token for AI answers), a last chunk with `finish_reason`, the usage when asked, `[DONE]`.
 * A client that goes away does not stop the turn: it still runs to its end and is saved.
 */
function streamResponse(
  sequence: TurnSequence,
  completion: { id: string; created: number; model: string },
  includeUsage: boolean,
  headers: Record<string, string>,
): Response {
  const encoder = new TextEncoder();
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (data: unknown) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`data: ${JSON.stringify(data)}\n\n`));
        } catch {
          open = false;
        }
      };
      const chunk = (delta: { role?: "assistant"; content?: string }, finishReason: "stop" | null = null) => ({
        ...completion,
        object: "chat.completion.chunk",
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
        ...(includeUsage ? { usage: null } : {}),
      });
      const content = new CompletionText();
      void (async () => {
        try {
          send(chunk({ role: "assistant", content: "" }));
          const outcome = await sequence.run((part) => {
            const delta = content.push(part);
            if (delta) send(chunk({ content: delta }));
          });
          send(chunk({}, "stop"));
          if (includeUsage) {
            send({ ...completion, object: "chat.completion.chunk", choices: [], usage: usage(outcome) });
          }
        } catch (error) {
          console.error(`[api/v1] completion stream failed: ${error instanceof Error ? error.message : String(error)}`);
          send({
            error: {
              message: "Something went wrong while answering. The message was saved; please try again.",
              type: "server_error",
              param: null,
              code: "internal_error",
            },
          });
        }
        if (!open) return;
        try {
          controller.enqueue(encoder.encode("data: [DONE]\n\n"));
          controller.close();
        } catch {
          // The client went away.
        }
      })();
    },
    cancel() {
      open = false;
    },
  });
  return new Response(stream, {
    headers: {
      ...headers,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
