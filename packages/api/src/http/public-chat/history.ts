import type {
  ChoiceOption,
  FieldSpec,
  FlowDocument,
  PixelChatDataParts,
  PixelChatMetadata,
  TurnInput,
} from "@pixel/flow";
import { turnInputSchema } from "@pixel/flow";
import type { UIMessage } from "ai";
import { consumeRateLimit } from "../../lib/rate-limit.ts";
import { ChatError } from "../../services/chat/index.ts";
import type { PublicChatRequestOptions } from "./access.ts";
import { servePublicChat } from "./respond.ts";
import { endUserIdSchema } from "./turn.ts";

/** A saved message as the chat window's `initialMessages` (the UI's PixelUIMessage). */
export type PublicChatMessage = UIMessage<PixelChatMetadata & { input?: TurnInput }, PixelChatDataParts>;
type Part = PublicChatMessage["parts"][number];

export interface ConversationHistory {
  conversationId: string;
  status: "active" | "waiting_for_operator" | "ended";
  messages: PublicChatMessage[];
}

export interface ConversationHistoryOptions extends PublicChatRequestOptions {
  conversationId: string;
}

/** The newest messages of a conversation are enough to pick it up again. */
const HISTORY_LIMIT = 200;
const HISTORY_RATE_LIMIT = { points: 60, duration: 60 };

/**
 * GET /api/chat/:slug/conversations/:conversationId?endUserId= — the saved conversation, shaped like the
 * streamed messages, so a reload shows it and resumes where it was. Only its own end user gets it.
 */
export function handleConversationHistory(options: ConversationHistoryOptions): Promise<Response> {
  return servePublicChat(options, async ({ deployment, cors }) => {
    const endUserId = endUserIdSchema.safeParse(new URL(options.req.url).searchParams.get("endUserId") ?? "");
    if (!endUserId.success) {
      throw new ChatError(400, "invalid-request", `endUserId: ${endUserId.error.issues[0]?.message ?? "invalid"}`);
    }
    await consumeRateLimit("chat:history", HISTORY_RATE_LIMIT, `${deployment.id}:${endUserId.data}`);
    const conversation =
      options.conversationId.length <= 64
        ? await options.prisma.conversation.findFirst({
            where: { id: options.conversationId, deploymentId: deployment.id, endUserId: `eu:${endUserId.data}` },
            select: { id: true, status: true },
          })
        : null;
    if (!conversation) {
      throw new ChatError(404, "conversation-not-found", "This conversation does not exist here. Start a new one.");
    }
    const rows = await options.prisma.message.findMany({
      where: { conversationId: conversation.id, role: { in: ["user", "assistant"] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: { id: true, role: true, parts: true, nodeId: true },
    });
    const history: ConversationHistory = {
      conversationId: conversation.id,
      status: conversation.status,
      messages: historyMessages(rows.reverse(), {
        conversationId: conversation.id,
        flow: deployment.flow,
        ended: conversation.status === "ended",
      }),
    };
    return Response.json(history, { headers: { ...cors, "cache-control": "no-store" } });
  });
}

export interface StoredMessage {
  id: string;
  role: string;
  parts: unknown;
  nodeId: string | null;
}

/**
 * Saved rows as chat messages: a user row is one message (its text; the sent input, kept in its
 * metadata so Retry re-sends it, not as a part); the bot's rows between two user messages are one
 * message, as they were streamed in one turn. An ended conversation ends with `data-end`.
 */
export function historyMessages(
  rows: StoredMessage[],
  context: { conversationId: string; flow: FlowDocument; ended: boolean },
): PublicChatMessage[] {
  const messages: PublicChatMessage[] = [];
  for (const row of rows) {
    const stored = Array.isArray(row.parts) ? (row.parts as unknown[]) : [];
    if (row.role === "user") {
      const sent = stored.find((p) => isRecord(p) && p.type === "data-input-sent");
      const input = isRecord(sent) ? turnInputSchema.safeParse(sent.data) : null;
      messages.push({
        id: row.id,
        role: "user",
        parts: stored.flatMap((p) => (isRecord(p) && p.type === "text" ? [textPart(p)] : [])),
        ...(input?.success ? { metadata: { input: input.data } } : {}),
      });
      continue;
    }
    const parts = stored.flatMap((p) => (isRecord(p) ? assistantPart(p, row.nodeId, context.flow) : []));
    const last = messages.at(-1);
    if (last?.role === "assistant") last.parts.push(...parts);
    else messages.push({ id: row.id, role: "assistant", parts, metadata: { conversationId: context.conversationId } });
  }
  if (context.ended) {
    const last = messages.at(-1);
    const end: Part = { type: "data-end", data: { reason: "ended" } };
    if (last?.role === "assistant") last.parts.push(end);
    else
      messages.push({
        id: `${context.conversationId}-end`,
        role: "assistant",
        parts: [end],
        metadata: { conversationId: context.conversationId },
      });
  }
  return messages;
}

function assistantPart(part: Record<string, unknown>, rowNodeId: string | null, flow: FlowDocument): Part[] {
  const data = isRecord(part.data) ? part.data : {};
  const nodeId = rowNodeId ?? "";
  switch (part.type) {
    case "text":
      return [textPart(part)];
    case "data-choices": {
      if (!Array.isArray(data.options)) return [];
      const prompt = typeof data.prompt === "string" && data.prompt ? { prompt: data.prompt } : {};
      return [
        {
          type: "data-choices",
          data: {
            nodeId,
            ...prompt,
            options: data.options as ChoiceOption[],
            allowFreeText: allowsFreeText(flow, nodeId),
          },
        },
      ];
    }
    case "data-input":
      if (!isRecord(data.field)) return [];
      return [
        {
          type: "data-input",
          data: {
            nodeId,
            field: data.field as unknown as FieldSpec,
            ...(typeof data.error === "string" && data.error ? { error: data.error } : {}),
          },
        },
      ];
    case "data-handoff":
      if (typeof data.message !== "string") return [];
      return [{ type: "data-handoff", data: { nodeId, message: data.message } }];
    case "data-error":
      if (typeof data.message !== "string") return [];
      return [
        {
          type: "data-error",
          data: {
            code: (typeof data.code === "string" ? data.code : "internal") as PixelChatDataParts["error"]["code"],
            message: data.message,
            ...(rowNodeId ? { nodeId: rowNodeId } : {}),
          },
        },
      ];
    default:
      return [];
  }
}

/** A text part; the expert who said it stays on it (the chat window labels experts from it). */
function textPart(part: Record<string, unknown>): Part {
  const text = typeof part.text === "string" ? part.text : "";
  const expert = typeof part.expert === "string" && part.expert ? { expert: part.expert } : {};
  return { type: "text", text, state: "done", ...expert } as Part;
}

/** Whether the node asking lets the user type an answer (quick replies do by default). */
function allowsFreeText(flow: FlowDocument, nodeId: string): boolean {
  const data: unknown = flow.nodes.find((n) => n.id === nodeId)?.data;
  const value = isRecord(data) ? data.allowFreeText : undefined;
  return typeof value === "boolean" ? value : true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
