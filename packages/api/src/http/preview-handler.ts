import type { PrismaClient } from "@pixel/db";
import { parseFlowDocument, turnInputSchema } from "@pixel/flow";
import { z } from "zod";
import { consumeRateLimit, RateLimitedError } from "../lib/rate-limit.ts";
import { ChatError, chatErrorResponse, chatTurnResponse, openChatTurn } from "../services/chat/index.ts";
import { createContext, InvalidTokenError } from "../trpc/context.ts";

export interface PreviewRequestOptions {
  req: Request;
  prisma: PrismaClient;
  botId: string;
  appUrl: string;
  getSessionUser: () => Promise<{ id: string; email: string } | null>;
}

/** The designer sends its current draft (saved or not) with every preview turn. */
const previewBodySchema = z.object({
  conversationId: z.string().min(1).max(64).nullish(),
  input: turnInputSchema,
  flow: z.unknown(),
});

const MAX_BODY_BYTES = 5_000_000;
const PREVIEW_RATE_LIMIT = { points: 120, duration: 60 };

/**
 * The designer's live preview: the same chat service as production (conversation saved as a preview,
 * no deployment), streaming the UI message stream with a trace of what the engine did.
 */
export async function handlePreviewRequest(options: PreviewRequestOptions): Promise<Response> {
  try {
    const { req, prisma } = options;
    const userId = await authenticate(options);
    const bot = await prisma.bot.findFirst({
      where: { id: options.botId, deletedAt: null, organization: { memberships: { some: { userId } } } },
      select: { id: true, organizationId: true },
    });
    if (!bot) throw new ChatError(404, "bot-not-found", "Bot not found.");
    await consumeRateLimit("preview", PREVIEW_RATE_LIMIT, `user:${userId}`);
    const body = previewBodySchema.safeParse(await readJson(req));
    if (!body.success) {
      const first = body.error.issues[0];
      throw new ChatError(400, "invalid-request", `${first?.path.join(".") || "body"}: ${first?.message ?? "invalid"}`);
    }
    const parsed = parseFlowDocument(body.data.flow);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      throw new ChatError(400, "invalid-flow", `The flow cannot run: ${first?.message ?? "it is not a flow document"}`);
    }
    const turn = await openChatTurn(
      { prisma },
      {
        organizationId: bot.organizationId,
        botId: bot.id,
        deploymentId: null,
        channel: "preview",
        endUserId: `user:${userId}`,
        flow: parsed.flow,
        conversationId: body.data.conversationId ?? null,
        input: body.data.input,
        trace: true,
      },
    );
    return chatTurnResponse(turn);
  } catch (error) {
    if (error instanceof ChatError) return chatErrorResponse(error);
    if (error instanceof RateLimitedError) {
      return chatErrorResponse(new ChatError(429, "rate-limited", error.message), {
        "retry-after": String(error.retryAfterSeconds),
      });
    }
    throw error;
  }
}

async function authenticate(options: PreviewRequestOptions): Promise<string> {
  const { req } = options;
  const sessionUser = req.headers.get("authorization") ? null : await options.getSessionUser();
  try {
    const context = await createContext({
      prisma: options.prisma,
      headers: req.headers,
      sessionUser,
      appUrl: options.appUrl,
    });
    if (!context.actor) throw new ChatError(401, "unauthenticated", "Sign in to preview this bot.");
    return context.actor.userId;
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new ChatError(401, "invalid-token", error.message);
    throw error;
  }
}

/** Reads a JSON body with a size cap; malformed JSON is the caller's mistake (400), not ours. */
export async function readJson(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new ChatError(413, "too-large", `The request is larger than ${maxBytes} bytes.`);
  const text = await req.text();
  if (text.length > maxBytes) throw new ChatError(413, "too-large", `The request is larger than ${maxBytes} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new ChatError(400, "malformed-json", "The request body is not valid JSON.");
  }
}
