import type { PixelChatDataParts, PixelChatMetadata } from "@pixel/flow";
import type { InferUIMessageChunk, UIMessage } from "ai";
import { RateLimitedError } from "../../lib/rate-limit.ts";
import { ChatError, chatErrorResponse } from "../../services/chat/index.ts";
import { uiMessageStream, uiMessageStreamResponse } from "../../services/chat/ui-stream.ts";
import type { TurnSequence } from "./turns.ts";

type PixelMessage = UIMessage<PixelChatMetadata, PixelChatDataParts>;

/** The conversation of every answer, streamed or not, so callers can continue it. */
export const CONVERSATION_HEADER = "x-pixel-conversation-id";

/**
 * A request's turns as one AI SDK UI message stream, the protocol of the hosted chat: one assistant
 * message whose parts are everything the bot said (a start turn and the user's turn, when there are two).
 */
export function turnSequenceStreamResponse(sequence: TurnSequence, headers?: Record<string, string>): Response {
  const stream = uiMessageStream<InferUIMessageChunk<PixelMessage>>(
    async (writer) => {
      writer.write({ type: "start", messageMetadata: { conversationId: sequence.conversationId } });
      const outcome = await sequence.run((chunk) => writer.write(chunk));
      writer.write({
        type: "finish",
        messageMetadata: {
          conversationId: sequence.conversationId,
          messageIds: outcome.turns.flatMap((turn) => turn.messageIds),
        },
      });
    },
    (error) => {
      console.error(`[api/v1] turn failed: ${error instanceof Error ? error.message : String(error)}`);
      return "Something went wrong while answering. The message was saved; please try again.";
    },
  );
  return uiMessageStreamResponse(stream, headers);
}

const UNAUTHORIZED_HEADERS = { "www-authenticate": 'Bearer realm="pixel"' };

/** A refusal of the REST API as `{ error: { code, message } }`, the shape of the chat endpoints. */
export function restErrorResponse(error: unknown): Response {
  if (error instanceof ChatError) {
    return chatErrorResponse(error, error.status === 401 ? UNAUTHORIZED_HEADERS : undefined);
  }
  if (error instanceof RateLimitedError) {
    return chatErrorResponse(new ChatError(429, "rate-limited", error.message), {
      "retry-after": String(error.retryAfterSeconds),
    });
  }
  console.error(`[api/v1] request failed: ${error instanceof Error ? error.message : String(error)}`);
  return Response.json(
    { error: { code: "internal", message: "Something went wrong. Please try again." } },
    { status: 500 },
  );
}

/** The first problem of a zod parse as one line: `path: message`. */
export function invalidRequest(issues: readonly { path: PropertyKey[]; message: string }[]): ChatError {
  const first = issues[0];
  const path = first?.path.map(String).join(".") || "body";
  return new ChatError(400, "invalid-request", `${path}: ${first?.message ?? "invalid"}`);
}
