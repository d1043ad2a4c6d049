import { randomUUID } from "node:crypto";
import type { AttemptRecord, UsageRecorder } from "@pixel/ai";
import { Prisma, type PrismaClient } from "@pixel/db";
import { dayKey } from "./dates.ts";

export interface UsageRecorderOptions {
  now?: () => number;
}

const COUNTED = new Set(["success", "partial"]);
const MAX_MESSAGE = 1_000;

/** Whole non-negative token counts; anything else counts as 0. */
function tokens(value: number | undefined): number {
  return Number.isFinite(value) && (value as number) > 0 ? Math.round(value as number) : 0;
}

function cost(value: number | undefined): number {
  return Number.isFinite(value) && (value as number) > 0 ? (value as number) : 0;
}

function ms(value: number | undefined): number | null {
  return Number.isFinite(value) ? Math.max(0, Math.round(value as number)) : null;
}

/** An attempt and when it was made. */
export interface TimedAttempt {
  attempt: AttemptRecord;
  at: Date;
}

/** `INSERT INTO "AiAttempt" … VALUES …` for one or more attempts (a key deleted meanwhile is recorded without the link). */
export function insertAttemptsSql(attempts: TimedAttempt[]): Prisma.Sql {
  const rows = attempts.map(({ attempt, at }) => {
    const { scope, usage } = attempt;
    const keyId = attempt.keyId ?? null;
    return Prisma.sql`(${randomUUID()}, ${scope.organizationId},
        (SELECT "id" FROM "ProviderKey" WHERE "id" = ${keyId}::text AND "organizationId" = ${scope.organizationId}),
        ${scope.botId ?? null}::text, ${scope.deploymentId ?? null}::text, ${scope.conversationId ?? null}::text,
        ${attempt.provider}, ${attempt.model}, ${attempt.status}, ${attempt.errorCode ?? null}::text,
        ${attempt.errorMessage ? attempt.errorMessage.slice(0, MAX_MESSAGE) : null}::text,
        ${ms(attempt.firstTokenMs)}::int, ${ms(attempt.latencyMs ?? usage?.latencyMs)}::int,
        ${tokens(usage?.tokensIn)}::int, ${tokens(usage?.tokensOut)}::int, ${cost(usage?.costUsd).toFixed(6)}::numeric,
        (${at.toISOString()}::timestamptz AT TIME ZONE 'UTC'))`;
  });
  return Prisma.sql`
    INSERT INTO "AiAttempt" ("id", "organizationId", "providerKeyId", "botId", "deploymentId", "conversationId",
                             "provider", "model", "status", "errorCode", "errorMessage", "firstTokenMs",
                             "latencyMs", "tokensIn", "tokensOut", "costUsd", "createdAt")
    VALUES ${Prisma.join(rows)}`;
}

/**
 * `INSERT INTO "UsageDaily" … ON CONFLICT DO UPDATE` adding the successful and partial attempts to their day's
 * row (UTC day × organization × bot × deployment × key × provider × model); null when none counts. Attempts on
 * the same row are summed first: one statement may not update a row twice.
 */
export function upsertUsageDailySql(attempts: TimedAttempt[]): Prisma.Sql | null {
  const rows = new Map<
    string,
    { attempt: AttemptRecord; day: string; calls: number; tokensIn: number; tokensOut: number; costUsd: number }
  >();
  for (const { attempt, at } of attempts) {
    if (!COUNTED.has(attempt.status)) continue;
    const day = dayKey(at);
    const { scope, usage } = attempt;
    const key = [scope.organizationId, day, scope.botId, scope.deploymentId, attempt.keyId, attempt.provider]
      .concat(attempt.model)
      .join("\u0000");
    const row = rows.get(key) ?? { attempt, day, calls: 0, tokensIn: 0, tokensOut: 0, costUsd: 0 };
    row.calls += 1;
    row.tokensIn += tokens(usage?.tokensIn);
    row.tokensOut += tokens(usage?.tokensOut);
    row.costUsd += cost(usage?.costUsd);
    rows.set(key, row);
  }
  if (rows.size === 0) return null;
  const values = [...rows.values()].map(({ attempt, day, calls, tokensIn, tokensOut, costUsd }) => {
    const { scope } = attempt;
    return Prisma.sql`(${randomUUID()}, ${scope.organizationId}, ${day}::date, ${scope.botId ?? ""},
        ${scope.deploymentId ?? ""}, ${attempt.keyId ?? ""}, ${attempt.provider}, ${attempt.model}, ${calls}::int,
        ${tokensIn}::bigint, ${tokensOut}::bigint, ${costUsd.toFixed(6)}::numeric)`;
  });
  return Prisma.sql`
    INSERT INTO "UsageDaily" ("id", "organizationId", "day", "botId", "deploymentId", "providerKeyId",
                              "provider", "model", "calls", "tokensIn", "tokensOut", "costUsd")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("organizationId", "day", "botId", "deploymentId", "providerKeyId", "provider", "model")
    DO UPDATE SET "calls" = "UsageDaily"."calls" + EXCLUDED."calls",
                  "tokensIn" = "UsageDaily"."tokensIn" + EXCLUDED."tokensIn",
                  "tokensOut" = "UsageDaily"."tokensOut" + EXCLUDED."tokensOut",
                  "costUsd" = "UsageDaily"."costUsd" + EXCLUDED."costUsd"`;
}

/**
 * Attempts and their daily aggregates in ONE statement (a data-modifying CTE feeding INSERT … ON CONFLICT DO
 * UPDATE): atomic, one round trip, and concurrent calls never lose a count.
 */
export function recordAttemptsSql(attempts: TimedAttempt[]): Prisma.Sql {
  const daily = upsertUsageDailySql(attempts);
  const insert = insertAttemptsSql(attempts);
  return daily ? Prisma.sql`WITH attempt AS (${insert}) ${daily}` : insert;
}

/** One AiAttempt row per attempt; a successful or partial one also adds to the day's UsageDaily row. */
export function createUsageRecorder(prisma: PrismaClient, options: UsageRecorderOptions = {}): UsageRecorder {
  const now = options.now ?? Date.now;
  return {
    async record(attempt: AttemptRecord) {
      await prisma.$executeRaw(recordAttemptsSql([{ attempt, at: new Date(now()) }]));
    },
  };
}
