import { Prisma } from "@pixel/db";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { ListConversationsInput } from "./list.schema.ts";
import { decodeCursor, encodeCursor, endUserLabel, previewOf } from "./shared.ts";

interface Row {
  id: string;
  botId: string;
  botName: string;
  botDeleted: boolean;
  deploymentId: string | null;
  deploymentName: string | null;
  channel: string;
  status: "active" | "waiting_for_operator" | "ended";
  endUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
  messageCount: number;
  lastMessageAt: Date | null;
  lastMessageRole: string | null;
  lastMessageText: string | null;
  tokensIn: bigint | number;
  tokensOut: bigint | number;
  costUsd: number;
}

/** Prisma sends dates as text; the columns are UTC timestamps without a zone. */
function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** ILIKE takes %, _ and \ as wildcards and escape: a search for "100%" means the text "100%". */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A message's parts as a JSON array (anything else stored there reads as no parts). */
const PARTS = Prisma.sql`CASE WHEN jsonb_typeof(m.parts) = 'array' THEN m.parts ELSE '[]'::jsonb END`;

/**
 * The organization's conversations, most recently active first, a page at a time. One query: the page
 * is chosen by the filters first, then each row's messages are counted and summed and its last text read.
 */
export async function listConversationsHandler({
  ctx,
  input,
}: HandlerArgs<OrganizationContext, ListConversationsInput>) {
  const organizationId = ctx.organizationId;
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  // Not a cursor this list gave out (e.g. another list's id): there is nothing after it.
  if (input.cursor && !cursor) return { items: [], nextCursor: null };

  const where: Prisma.Sql[] = [Prisma.sql`c."organizationId" = ${organizationId}`];
  if (input.deploymentId) where.push(Prisma.sql`c."deploymentId" = ${input.deploymentId}`);
  if (input.botId) where.push(Prisma.sql`c."botId" = ${input.botId}`);
  if (input.channel?.length) where.push(Prisma.sql`c.channel IN (${Prisma.join(input.channel)})`);
  else if (!input.includePreview) where.push(Prisma.sql`c.channel <> 'preview'`);
  if (input.status) where.push(Prisma.sql`c.status = ${input.status}::"ConversationStatus"`);
  if (input.from) where.push(Prisma.sql`c."updatedAt" >= ${utc(input.from)}`);
  if (input.to) where.push(Prisma.sql`c."createdAt" <= ${utc(input.to)}`);
  const search = input.search?.trim();
  if (search) {
    where.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "Message" m CROSS JOIN LATERAL jsonb_array_elements(${PARTS}) AS e(part)
      WHERE m."conversationId" = c.id AND m."organizationId" = ${organizationId}
        AND e.part ->> 'type' = 'text' AND (e.part ->> 'text') ILIKE ${containsPattern(search)})`);
  }
  if (cursor) where.push(Prisma.sql`(c."updatedAt", c.id) < (${utc(cursor.updatedAt)}, ${cursor.id}::text)`);

  const rows = await ctx.prisma.$queryRaw<Row[]>`
    WITH page AS (
      SELECT c.id, c."botId", c."deploymentId", c.channel, c.status::text AS status, c."endUserId",
             c."createdAt", c."updatedAt"
      FROM "Conversation" c
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY c."updatedAt" DESC, c.id DESC
      LIMIT ${input.limit + 1}::int
    )
    SELECT p.*, b.name AS "botName", b."deletedAt" IS NOT NULL AS "botDeleted", d.name AS "deploymentName",
           agg."messageCount", agg."lastMessageAt", agg."tokensIn", agg."tokensOut", agg."costUsd",
           last.role AS "lastMessageRole", last.text AS "lastMessageText"
    FROM page p
    JOIN "Bot" b ON b.id = p."botId"
    LEFT JOIN "Deployment" d ON d.id = p."deploymentId"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS "messageCount",
             max(m."createdAt") AS "lastMessageAt",
             COALESCE(sum(m."tokensIn"), 0)::bigint AS "tokensIn",
             COALESCE(sum(m."tokensOut"), 0)::bigint AS "tokensOut",
             COALESCE(sum(m."costUsd"), 0)::float8 AS "costUsd"
      FROM "Message" m
      WHERE m."conversationId" = p.id AND m."organizationId" = ${organizationId}
    ) agg
    LEFT JOIN LATERAL (
      SELECT m.role::text AS role, t.text
      FROM "Message" m
      CROSS JOIN LATERAL (
        SELECT left(string_agg(e.part ->> 'text', ' ' ORDER BY e.ord), 400) AS text
        FROM jsonb_array_elements(${PARTS}) WITH ORDINALITY AS e(part, ord)
        WHERE e.part ->> 'type' = 'text' AND btrim(e.part ->> 'text') <> ''
      ) t
      WHERE m."conversationId" = p.id AND m."organizationId" = ${organizationId} AND t.text IS NOT NULL
      ORDER BY m."createdAt" DESC, m.id DESC
      LIMIT 1
    ) last ON true
    ORDER BY p."updatedAt" DESC, p.id DESC`;

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      botId: row.botId,
      botName: row.botName,
      botDeleted: row.botDeleted,
      deploymentId: row.deploymentId,
      deploymentName: row.deploymentName,
      channel: row.channel,
      status: row.status,
      endUserId: endUserLabel(organizationId, row.endUserId),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      messageCount: Number(row.messageCount),
      lastMessageAt: row.lastMessageAt,
      lastMessageRole: row.lastMessageRole,
      lastMessagePreview: previewOf(row.lastMessageText),
      tokensIn: Number(row.tokensIn),
      tokensOut: Number(row.tokensOut),
      costUsd: Number(row.costUsd),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.updatedAt, last.id) : null,
  };
}
