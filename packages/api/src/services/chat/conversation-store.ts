import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@pixel/db";
import { type FlowState, type HistoryMessage, readState } from "@pixel/flow";
import { insertAttemptsSql, recordAttemptsSql, type TimedAttempt, upsertUsageDailySql } from "../ai/usage.ts";
import { ChatError } from "./errors.ts";
import type { AssistantRecord } from "./transcript.ts";

/*
 * The chat turn's reads and writes, written as single SQL statements: a turn is one statement before the
 * model is called (find the conversation, read its state and history, save the user's message: committed)
 * and one after (the bot's messages, the state, the AI attempts and their daily usage, all or nothing).
 * Each statement is its own transaction: a turn waits for two round trips and two WAL flushes. (A quick-reply
 * choice is described from the state, so its message is saved by a third statement once the state is read.)
 */

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
  /** The messages before this turn, oldest first (at most HISTORY_LIMIT). */
  history: HistoryMessage[];
}

const HISTORY_LIMIT = 20;

/** Prisma's DateTime columns are `timestamp(3)` holding UTC. */
function utc(at: Date): Prisma.Sql {
  return Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

function json(value: unknown): Prisma.Sql {
  return Prisma.sql`${JSON.stringify(value)}::jsonb`;
}

/** The user's message of this turn, when its text is known before the conversation's state is read. */
export interface EarlyUserMessage {
  text: string;
  input: unknown;
}

function userParts(text: string, input: unknown) {
  return [
    { type: "text", text },
    { type: "data-input-sent", data: input },
  ];
}

/**
 * Finds the caller's conversation (only within their bot and deployment) with its state and recent history in
 * one statement, or starts one. With `message`, the same statement saves the user's message (committed before
 * anything else happens): the history it returns is what came before it.
 */
export async function openConversation(
  prisma: PrismaClient,
  scope: ConversationScope,
  conversationId: string | null | undefined,
  message?: EarlyUserMessage,
): Promise<OpenConversation> {
  if (!conversationId) {
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
    if (message) await saveUserMessage(prisma, scope, row.id, message.text, message.input);
    return { id: row.id, state: readState(row.state), created: true, history: [] };
  }
  const save = message
    ? Prisma.sql`, saved AS (
        INSERT INTO "Message" ("id", "organizationId", "conversationId", "botId", "role", "parts", "status", "createdAt")
        SELECT ${randomUUID()}, ${scope.organizationId}, c."id", ${scope.botId}, 'user'::"MessageRole",
               ${json(userParts(message.text, message.input))}, 'complete'::"MessageStatus", ${utc(new Date())}
          FROM c)`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<{ id: string; state: unknown; history: { role: string; parts: unknown }[] }[]>`
    WITH c AS (
      SELECT "id", "state" FROM "Conversation"
       WHERE "id" = ${conversationId} AND "organizationId" = ${scope.organizationId} AND "botId" = ${scope.botId}
         AND "deploymentId" IS NOT DISTINCT FROM ${scope.deploymentId}::text
         AND (${scope.endUserId}::text IS NULL OR "endUserId" = ${scope.endUserId}::text))${save}
    SELECT c."id", c."state",
           (SELECT coalesce(json_agg(json_build_object('role', h."role", 'parts', h."parts") ORDER BY h."createdAt"), '[]')
              FROM (SELECT m."role", m."parts", m."createdAt" FROM "Message" m
                     WHERE m."conversationId" = c."id" AND m."role" IN ('user', 'assistant')
                     ORDER BY m."createdAt" DESC LIMIT ${HISTORY_LIMIT}) h) AS "history"
      FROM c`;
  const row = rows[0];
  if (!row)
    throw new ChatError(404, "conversation-not-found", "This conversation does not exist here. Start a new one.");
  const history = (Array.isArray(row.history) ? row.history : [])
    .map((m) => ({ role: m.role as "user" | "assistant", text: partsText(m.parts) }))
    .filter((m) => m.text.length > 0);
  return { id: row.id, state: readState(row.state), created: false, history };
}

/** Saved (and committed) before any model is called, so what the user sent is never lost. */
export async function saveUserMessage(
  prisma: PrismaClient,
  scope: ConversationScope,
  conversationId: string,
  text: string,
  input: unknown,
): Promise<string> {
  const id = randomUUID();
  const parts = userParts(text, input);
  await prisma.$executeRaw`
    INSERT INTO "Message" ("id", "organizationId", "conversationId", "botId", "role", "parts", "status", "createdAt")
    VALUES (${id}, ${scope.organizationId}, ${conversationId}, ${scope.botId}, 'user'::"MessageRole", ${json(parts)},
            'complete'::"MessageStatus", ${utc(new Date())})`;
  return id;
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

/**
 * The end of a turn in one statement: the bot's messages, the conversation's next state and the AI attempts
 * with their daily usage, together or not at all. Messages get ids here and times a millisecond apart, which
 * keeps a turn's order when they are read back.
 */
export async function saveTurn(
  prisma: PrismaClient,
  scope: ConversationScope,
  conversationId: string,
  records: AssistantRecord[],
  state: FlowState,
  attempts: TimedAttempt[] = [],
): Promise<string[]> {
  const base = Date.now();
  const ids = records.map(() => randomUUID());
  const steps: Prisma.Sql[] = [];
  if (records.length > 0) {
    const values = records.map(
      (record, index) => Prisma.sql`(${ids[index]}, ${scope.organizationId}, ${conversationId}, ${scope.botId},
        'assistant'::"MessageRole", ${json(record.parts)}, ${record.nodeId}::text, ${record.model}::text,
        ${record.provider}::text, ${Math.max(0, Math.round(record.tokensIn))}::int,
        ${Math.max(0, Math.round(record.tokensOut))}::int, ${Math.max(0, record.costUsd).toFixed(6)}::numeric,
        ${record.latencyMs === null ? null : Math.max(0, Math.round(record.latencyMs))}::int,
        ${record.status}::"MessageStatus", ${utc(new Date(base + index))})`,
    );
    steps.push(Prisma.sql`messages AS (
      INSERT INTO "Message" ("id", "organizationId", "conversationId", "botId", "role", "parts", "nodeId", "model",
                             "provider", "tokensIn", "tokensOut", "costUsd", "latencyMs", "status", "createdAt")
      VALUES ${Prisma.join(values)})`);
  }
  if (attempts.length > 0) {
    steps.push(Prisma.sql`attempts AS (${insertAttemptsSql(attempts)})`);
    const daily = upsertUsageDailySql(attempts);
    if (daily) steps.push(Prisma.sql`daily AS (${daily})`);
  }
  const update = Prisma.sql`
    UPDATE "Conversation" SET "state" = ${json(state)}, "status" = ${STATUS[state.status]}::"ConversationStatus",
                              "updatedAt" = ${utc(new Date(base))}
     WHERE "id" = ${conversationId}`;
  const statement = steps.length > 0 ? Prisma.sql`WITH ${Prisma.join(steps, ",\n")} ${update}` : update;
  const updated = await prisma.$executeRaw(statement);
  if (updated !== 1) throw new ChatError(404, "conversation-not-found", "This conversation was deleted meanwhile.");
  return ids;
}

/** Attempts of a turn that could not be saved with it are still written: money spent is always counted. */
export async function saveAttempts(prisma: PrismaClient, attempts: TimedAttempt[]): Promise<void> {
  if (attempts.length > 0) await prisma.$executeRaw(recordAttemptsSql(attempts));
}
