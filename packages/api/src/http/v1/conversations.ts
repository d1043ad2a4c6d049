import type { PrismaClient } from "@pixel/db";
import type { FlowPorts, TurnInput } from "@pixel/flow";
import { ChatError } from "../../services/chat/index.ts";
import { readJson } from "../preview-handler.ts";
import { authenticateDeploymentKey, consumeReadLimit, consumeTurnLimits, storedEndUserId } from "./auth.ts";
import { CONVERSATION_HEADER, invalidRequest, restErrorResponse, turnSequenceStreamResponse } from "./respond.ts";
import {
  type ConversationTranscript,
  type ConversationTurnRequest,
  conversationIdSchema,
  conversationTurnRequestSchema,
  MAX_MESSAGE_CHARS,
} from "./schemas.ts";
import { openTurnSequence, turnResponse } from "./turns.ts";

export interface ApiRequestOptions {
  req: Request;
  prisma: PrismaClient;
  /** Engine port overrides, for tests and benches. */
  ports?: Partial<FlowPorts>;
}

/** Start variables can add up to ~100 kB; anything larger is not a chat turn. */
const MAX_BODY_BYTES = 200_000;
const TRANSCRIPT_LIMIT = 1_000;

/**
 * POST /api/v1/conversations — one turn of a deployment's conversation for a server holding its API key:
 * JSON by default, the hosted chat's UI message stream with `stream: true`. Every refusal is JSON first.
 */
export async function handleConversationTurn(options: ApiRequestOptions): Promise<Response> {
  try {
    const { req, prisma } = options;
    const { deployment } = await authenticateDeploymentKey(prisma, req, "api");
    const raw = await readJson(req, MAX_BODY_BYTES);
    assertMessageSize(raw);
    const parsed = conversationTurnRequestSchema.safeParse(raw);
    if (!parsed.success) throw invalidRequest(parsed.error.issues);
    const body = parsed.data;
    const conversationId = body.conversationId ?? null;
    const input = turnInputOf(body, conversationId);
    const endUserId = body.endUserId ?? null;
    await consumeTurnLimits(deployment, storedEndUserId(endUserId));
    const sequence = await openTurnSequence(
      { prisma, ...(options.ports ? { ports: options.ports } : {}) },
      {
        organizationId: deployment.organizationId,
        botId: deployment.botId,
        deploymentId: deployment.id,
        channel: "api",
        endUserId: storedEndUserId(endUserId),
        flow: deployment.flow,
        conversationId,
        input,
        ...(body.variables ? { variables: body.variables } : {}),
      },
    );
    const headers = { [CONVERSATION_HEADER]: sequence.conversationId, "cache-control": "no-store" };
    if (body.stream) return turnSequenceStreamResponse(sequence, headers);
    const outcome = await sequence.run(() => {});
    return Response.json(turnResponse(outcome), { headers });
  } catch (error) {
    return restErrorResponse(error);
  }
}

/** The turn's input: `message` is a typed text; neither starts a new conversation; both is a mistake. */
function turnInputOf(body: ConversationTurnRequest, conversationId: string | null): TurnInput {
  if (body.message !== undefined && body.input !== undefined) {
    throw new ChatError(400, "invalid-request", "Send either `message` or `input`, not both.");
  }
  let input: TurnInput;
  if (body.message !== undefined) input = { type: "text", text: body.message };
  else if (body.input !== undefined) input = body.input;
  else if (conversationId === null) input = { type: "start" };
  else throw new ChatError(400, "invalid-request", "Send a `message` or an `input` to continue the conversation.");
  // Starting at a chosen node is the designer's preview; a published chat starts at the start.
  if (input.type === "start" && input.atNodeId) {
    throw new ChatError(400, "invalid-request", "input.atNodeId: not available in a published chat");
  }
  const startsNow = conversationId === null || input.type === "start";
  if (body.variables && !startsNow) {
    throw new ChatError(
      400,
      "invalid-request",
      "variables: only when a conversation starts (no conversationId, or an input of type start).",
    );
  }
  return input;
}

/** A message over the limit is refused as too large (413) with the limit, before anything is saved. */
function assertMessageSize(raw: unknown): void {
  if (!raw || typeof raw !== "object") return;
  const { message, input } = raw as { message?: unknown; input?: unknown };
  const tooLong = (value: unknown) => typeof value === "string" && value.length > MAX_MESSAGE_CHARS;
  const limit = MAX_MESSAGE_CHARS.toLocaleString("en-US");
  const typed = tooLong(message)
    ? (message as string)
    : input && typeof input === "object" && (input as { type?: unknown }).type === "text"
      ? (input as { text?: unknown }).text
      : undefined;
  if (tooLong(typed)) {
    throw new ChatError(
      413,
      "message-too-long",
      `Messages can be at most ${limit} characters long; this one has ${(typed as string).length.toLocaleString("en-US")}.`,
    );
  }
  const values = input && typeof input === "object" ? (input as { values?: unknown }).values : undefined;
  if (values && typeof values === "object" && Object.values(values).some(tooLong)) {
    throw new ChatError(413, "message-too-long", `Each answer can be at most ${limit} characters long.`);
  }
}

/** GET /api/v1/conversations/:id — the transcript of one of the deployment's conversations. */
export async function handleConversationGet(
  options: ApiRequestOptions & { conversationId: string },
): Promise<Response> {
  try {
    const { req, prisma } = options;
    const { deployment } = await authenticateDeploymentKey(prisma, req, "api");
    await consumeReadLimit(deployment);
    const notFound = new ChatError(404, "conversation-not-found", "This deployment has no conversation with this id.");
    if (!conversationIdSchema.safeParse(options.conversationId).success) throw notFound;
    const conversation = await prisma.conversation.findFirst({
      where: { id: options.conversationId, deploymentId: deployment.id },
      select: { id: true, status: true, createdAt: true },
    });
    if (!conversation) throw notFound;
    const rows = await prisma.message.findMany({
      where: { conversationId: conversation.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: TRANSCRIPT_LIMIT,
    });
    const transcript: ConversationTranscript = {
      conversationId: conversation.id,
      status: conversation.status,
      createdAt: conversation.createdAt.toISOString(),
      messages: rows.reverse().map((row) => ({
        id: row.id,
        role: row.role,
        text: textOf(row.parts),
        parts: Array.isArray(row.parts) ? (row.parts as Record<string, unknown>[]) : [],
        nodeId: row.nodeId,
        model: row.model,
        tokensIn: row.tokensIn,
        tokensOut: row.tokensOut,
        costUsd: Number(row.costUsd),
        status: row.status,
        createdAt: row.createdAt.toISOString(),
      })),
    };
    return Response.json(transcript, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return restErrorResponse(error);
  }
}

function textOf(parts: unknown): string {
  if (!Array.isArray(parts)) return "";
  return parts
    .filter((p): p is { type: "text"; text: string } => p?.type === "text" && typeof p.text === "string")
    .map((p) => p.text)
    .filter(Boolean)
    .join("\n\n");
}
