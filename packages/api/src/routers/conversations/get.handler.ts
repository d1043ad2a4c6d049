import type { PrismaClient } from "@pixel/db";
import { type JsonValue, nodeDefinition, parseFlowDocument, readState } from "@pixel/flow";
import { TRPCError } from "@trpc/server";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { GetConversationInput } from "./get.schema.ts";
import { endUserLabel, partsText } from "./shared.ts";

/** The newest messages shown at most; longer conversations say so (`truncated`). Totals count them all. */
export const TRANSCRIPT_LIMIT = 1_000;

export interface NodeLabel {
  name: string;
  type: string;
}

/** Node id → its name (or its type's label) in a stored flow document; a document that cannot be read names none. */
function nodeLabels(flow: unknown): Map<string, NodeLabel> {
  const labels = new Map<string, NodeLabel>();
  const parsed = parseFlowDocument(flow);
  const nodes: unknown[] = parsed.ok
    ? parsed.flow.nodes
    : Array.isArray((flow as { nodes?: unknown } | null)?.nodes)
      ? (flow as { nodes: unknown[] }).nodes
      : [];
  for (const node of nodes) {
    if (!node || typeof node !== "object") continue;
    const { id, type, name } = node as { id?: unknown; type?: unknown; name?: unknown };
    if (typeof id !== "string" || typeof type !== "string") continue;
    const named = typeof name === "string" ? name.trim() : "";
    labels.set(id, { name: named || nodeDefinition(type)?.label || type, type });
  }
  return labels;
}

/**
 * Names of the nodes a conversation went through: from the flow version its deployment serves (the pinned
 * one, or the bot's latest), then from the bot's draft (previews run the draft; a node may be newer).
 */
async function namesOf(
  prisma: PrismaClient,
  organizationId: string,
  conversation: { botId: string; deployment: { flowVersionId: string | null } | null },
  ids: Set<string>,
): Promise<Record<string, NodeLabel>> {
  const found: Record<string, NodeLabel> = {};
  if (ids.size === 0) return found;
  const sources: (() => Promise<unknown>)[] = [];
  if (conversation.deployment) {
    const { flowVersionId } = conversation.deployment;
    sources.push(async () => {
      const version = flowVersionId
        ? await prisma.flowVersion.findFirst({ where: { id: flowVersionId, organizationId }, select: { flow: true } })
        : await prisma.flowVersion.findFirst({
            where: { botId: conversation.botId, organizationId },
            orderBy: { number: "desc" },
            select: { flow: true },
          });
      return version?.flow;
    });
  }
  sources.push(async () => {
    const bot = await prisma.bot.findFirst({
      where: { id: conversation.botId, organizationId },
      select: { draftFlow: true },
    });
    return bot?.draftFlow;
  });
  for (const load of sources) {
    const labels = nodeLabels(await load());
    for (const id of ids) {
      const label = labels.get(id);
      if (label && !found[id]) found[id] = label;
    }
    if ([...ids].every((id) => found[id])) break;
  }
  return found;
}

/** One conversation with its transcript, the state of its flow and what it cost. */
export async function getConversationHandler({ ctx, input }: HandlerArgs<OrganizationContext, GetConversationInput>) {
  const organizationId = ctx.organizationId;
  const conversation = await ctx.prisma.conversation.findFirst({
    where: { id: input.conversationId, organizationId },
    select: {
      id: true,
      botId: true,
      channel: true,
      status: true,
      endUserId: true,
      state: true,
      createdAt: true,
      updatedAt: true,
      bot: { select: { id: true, name: true, deletedAt: true } },
      deployment: { select: { id: true, name: true, slug: true, flowVersionId: true } },
    },
  });
  if (!conversation) throw new TRPCError({ code: "NOT_FOUND", message: "Conversation not found." });

  const messageWhere = { conversationId: conversation.id, organizationId };
  const [newest, totals] = await Promise.all([
    ctx.prisma.message.findMany({
      where: messageWhere,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: TRANSCRIPT_LIMIT + 1,
      select: {
        id: true,
        role: true,
        parts: true,
        nodeId: true,
        model: true,
        provider: true,
        tokensIn: true,
        tokensOut: true,
        costUsd: true,
        latencyMs: true,
        status: true,
        createdAt: true,
      },
    }),
    ctx.prisma.message.aggregate({
      where: messageWhere,
      _sum: { tokensIn: true, tokensOut: true, costUsd: true },
      _count: { _all: true },
    }),
  ]);
  const rows = newest.slice(0, TRANSCRIPT_LIMIT).reverse();

  const state = readState(conversation.state);
  const waitingNodeId = state.waiting?.nodeId ?? null;
  const ids = new Set<string>(state.path);
  if (waitingNodeId) ids.add(waitingNodeId);
  for (const row of rows) if (row.nodeId) ids.add(row.nodeId);
  const nodes = await namesOf(ctx.prisma, organizationId, conversation, ids);

  return {
    id: conversation.id,
    bot: { id: conversation.bot.id, name: conversation.bot.name, deleted: conversation.bot.deletedAt !== null },
    deployment: conversation.deployment
      ? { id: conversation.deployment.id, name: conversation.deployment.name, slug: conversation.deployment.slug }
      : null,
    channel: conversation.channel,
    status: conversation.status,
    endUserId: endUserLabel(organizationId, conversation.endUserId),
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    state: {
      path: state.path,
      vars: state.vars as Record<string, JsonValue>,
      waitingNodeId,
      flowStatus: state.status,
      expert: state.expert?.name ?? null,
    },
    /** Names of the nodes in the path and the transcript. */
    nodes,
    totals: {
      tokensIn: totals._sum.tokensIn ?? 0,
      tokensOut: totals._sum.tokensOut ?? 0,
      costUsd: Number(totals._sum.costUsd ?? 0),
      messages: totals._count._all,
    },
    truncated: newest.length > TRANSCRIPT_LIMIT,
    messages: rows.map((row) => ({
      id: row.id,
      role: row.role,
      text: partsText(row.parts),
      parts: Array.isArray(row.parts) ? (row.parts as JsonValue[]) : [],
      nodeId: row.nodeId,
      nodeName: row.nodeId ? (nodes[row.nodeId]?.name ?? null) : null,
      model: row.model,
      provider: row.provider,
      tokensIn: row.tokensIn,
      tokensOut: row.tokensOut,
      costUsd: Number(row.costUsd),
      latencyMs: row.latencyMs,
      status: row.status,
      createdAt: row.createdAt,
    })),
  };
}
