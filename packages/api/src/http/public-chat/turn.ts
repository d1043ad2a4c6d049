import { turnInputSchema } from "@pixel/flow";
import { z } from "zod";
import { consumeRateLimit } from "../../lib/rate-limit.ts";
import { ChatError, chatTurnResponse, openChatTurn } from "../../services/chat/index.ts";
import { readJson } from "../preview-handler.ts";
import type { PublicChatRequestOptions } from "./access.ts";
import { servePublicChat } from "./respond.ts";

/** The longest message (typed text, or one form answer) an end user may send. */
export const MAX_MESSAGE_CHARS = 4_000;
/** Start variables can add up to ~100 kB; anything larger is not a chat turn. */
const MAX_BODY_BYTES = 200_000;

/** An id the page keeps for its visitor (the hosted page: random, in localStorage). */
export const endUserIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "Use 1 to 100 letters, digits, _ or -");

const turnBodySchema = z.object({
  conversationId: z.string().min(1).max(64).nullish(),
  endUserId: endUserIdSchema,
  input: turnInputSchema,
});

/**
 * POST /api/chat/:slug — one end-user turn from the hosted page or the widget, streamed as the AI SDK
 * UI message stream. Every refusal (403, 404, 409, 413, 423, 429, 400) is JSON, before any stream starts.
 */
export function handleChatTurn(options: PublicChatRequestOptions): Promise<Response> {
  return servePublicChat(
    options,
    async ({ deployment, caller, cors }) => {
      const raw = await readJson(options.req, MAX_BODY_BYTES);
      assertMessageSize(raw);
      const body = turnBodySchema.safeParse(raw);
      if (!body.success) {
        const first = body.error.issues[0];
        throw new ChatError(
          400,
          "invalid-request",
          `${first?.path.join(".") || "body"}: ${first?.message ?? "invalid"}`,
        );
      }
      const { input, endUserId, conversationId } = body.data;
      // Starting at a chosen node is the designer's preview; visitors start at the start.
      if (input.type === "start" && input.atNodeId) {
        throw new ChatError(400, "invalid-request", "input.atNodeId: not available in a published chat");
      }
      const limits = deployment.rateLimits;
      await consumeRateLimit(
        "chat:user",
        { points: limits.perUserPerMinute, duration: 60 },
        `${deployment.id}:${endUserId}`,
      );
      await consumeRateLimit("chat:deployment", { points: limits.perDeploymentPerMinute, duration: 60 }, deployment.id);
      const turn = await openChatTurn(
        { prisma: options.prisma },
        {
          organizationId: deployment.organizationId,
          botId: deployment.botId,
          deploymentId: deployment.id,
          channel: caller.channel,
          endUserId: `eu:${endUserId}`,
          flow: deployment.flow,
          conversationId: conversationId ?? null,
          input,
        },
      );
      return chatTurnResponse(turn, cors);
    },
    "Too many messages.",
  );
}

/** A message over the limit is refused as too large (413), with the limit, before anything is saved. */
function assertMessageSize(raw: unknown): void {
  const input = (raw as { input?: unknown } | null)?.input;
  if (!input || typeof input !== "object") return;
  const { type, text, values } = input as { type?: unknown; text?: unknown; values?: unknown };
  const tooLong = (value: unknown) => typeof value === "string" && value.length > MAX_MESSAGE_CHARS;
  if (type === "text" && tooLong(text)) {
    throw new ChatError(
      413,
      "message-too-long",
      `Messages can be at most ${MAX_MESSAGE_CHARS.toLocaleString("en-US")} characters long; this one has ${(text as string).length.toLocaleString("en-US")}.`,
    );
  }
  if (type === "form" && values && typeof values === "object" && Object.values(values).some(tooLong)) {
    throw new ChatError(
      413,
      "message-too-long",
      `Each answer can be at most ${MAX_MESSAGE_CHARS.toLocaleString("en-US")} characters long.`,
    );
  }
}
