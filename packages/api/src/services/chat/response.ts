import type { PixelChatDataParts, PixelChatMetadata } from "@pixel/flow";
import type { InferUIMessageChunk, UIMessage } from "ai";
import { ChatError } from "./errors.ts";
import type { ChatTurn } from "./turn.ts";
import { uiMessageStream, uiMessageStreamResponse } from "./ui-stream.ts";

type PixelMessage = UIMessage<PixelChatMetadata, PixelChatDataParts>;

/** A chat turn as an AI SDK UI message stream (SSE) response. */
export function chatTurnResponse(turn: ChatTurn, headers?: HeadersInit): Response {
  const stream = uiMessageStream<InferUIMessageChunk<PixelMessage>>(
    async (writer) => {
      writer.write({ type: "start", messageMetadata: { conversationId: turn.conversationId } });
      const outcome = await turn.run((chunk) => writer.write(chunk));
      writer.write({
        type: "finish",
        messageMetadata: { conversationId: outcome.conversationId, messageIds: outcome.messageIds },
      });
    },
    (error) => {
      // Only unexpected failures reach here; their text is generic so nothing internal leaks.
      console.error(`[chat] turn failed: ${error instanceof Error ? error.message : String(error)}`);
      return "Something went wrong while answering. Your message was saved; please try again.";
    },
  );
  return uiMessageStreamResponse(stream, headers);
}

/** A refused chat request as JSON with its status. */
export function chatErrorResponse(error: ChatError, headers?: HeadersInit): Response {
  return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
}

export { ChatError };
