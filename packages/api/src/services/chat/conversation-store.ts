import type { Prisma, PrismaClient } from "@pixel/db";
import { type FlowState, type HistoryMessage, readState } from "@pixel/flow";
import { ChatError } from "./errors.ts";
import type { AssistantRecord } from "./transcript.ts";

export interface ConversationScope {
  organizationId: string;
  botId: string;
  deploymentId: string | null;
  channel: string;
  endUserId: string | null;
}

export interface OpenConversation {
  id: string;
  state: FlowState;
  created: boolean;
}

const HISTORY_LIMIT = 20;

/** Finds the caller's conversation (only within their bot and deployment) or starts one. */
export async function openConversation(
  prisma: PrismaClient,
  scope: ConversationScope,
  conversationId: string | null | undefined,
): Promise<OpenConversation> {
  if (conversationId) {
    const row = await prisma.conversation.findFirst({
      where: {
        id: conversationId,
        organizationId: scope.organizationId,
        botId: scope.botId,
        deploymentId: scope.deploymentId,
        ...(scope.endUserId ? { endUserId: scope.endUserId } : {}),
      },
      select: { id: true, state: true },
    });
    if (!row)
      throw new ChatError(404, "conversation-not-found", "This conversation does not exist here. Start a new one.");
    return { id: row.id, state: readState(row.state), created: false };
  }
  const row = await prisma.conversation.create({
    data: {
      organizationId: scope.organizationId,
      botId: scope.botId,
      deploymentId: scope.deploymentId,
      channel: scope.channel,
      endUserId: scope.endUserId,
    },
    select: { id: true, state: true },
  });
  return { id: row.id, state: readState(row.state), created: true };
}

/** Saved before any model is called, so what the user sent is never lost. */
export async function saveUserMessage(
  prisma: PrismaClient,
  scope: ConversationScope,
  conversationId: string,
  text: string,
  input: unknown,
): Promise<string> {
  const row = await prisma.message.create({
    data: {
      organizationId: scope.organizationId,
      conversationId,
      botId: scope.botId,
      role: "user",
      parts: [
        { type: "text", text },
        { type: "data-input-sent", data: input },
      ] as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return row.id;
}

export async function loadHistory(prisma: PrismaClient, conversationId: string): Promise<HistoryMessage[]> {
  const rows = await prisma.message.findMany({
    where: { conversationId, role: { in: ["user", "assistant"] } },
    orderBy: { createdAt: "desc" },
    take: HISTORY_LIMIT,
    select: { role: true, parts: true },
  });
  return rows
    .reverse()
    .map((row) => ({ role: row.role as "user" | "assistant", text: partsText(row.parts) }))
    .filter((m) => m.text.length > 0);
}

function partsText(parts: unknown): string {
  if (!Array.isArray(parts)) return "";
  return parts
    .filter((p): p is { type: "text"; text: string } => p?.type === "text" && typeof p.text === "string")
    .map((p) => p.text)
    .join("\n\n");
}

const STATUS: Record<FlowState["status"], "active" | "waiting_for_operator" | "ended"> = {
  new: "active",
  waiting: "active",
  handoff: "waiting_for_operator",
  ended: "ended",
};

/** The bot's messages and the conversation's next state, together or not at all. */
export async function saveTurn(
  prisma: PrismaClient,
  scope: ConversationScope,
  conversationId: string,
  records: AssistantRecord[],
  state: FlowState,
): Promise<string[]> {
  const base = Date.now();
  return prisma.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const [index, record] of records.entries()) {
      const row = await tx.message.create({
        data: {
          organizationId: scope.organizationId,
          conversationId,
          botId: scope.botId,
          role: "assistant",
          parts: record.parts as Prisma.InputJsonValue,
          nodeId: record.nodeId,
          model: record.model,
          provider: record.provider,
          tokensIn: record.tokensIn,
          tokensOut: record.tokensOut,
          costUsd: record.costUsd,
          latencyMs: record.latencyMs,
          status: record.status,
          // Keeps the order of a turn's messages when they are saved in the same millisecond.
          createdAt: new Date(base + index),
        },
        select: { id: true },
      });
      ids.push(row.id);
    }
    await tx.conversation.update({
      where: { id: conversationId },
      data: { state: state as unknown as Prisma.InputJsonValue, status: STATUS[state.status] },
    });
    return ids;
  });
}
