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

function cost(value: number | undefined): string {
  return (Number.isFinite(value) && (value as number) > 0 ? (value as number) : 0).toFixed(6);
}

function ms(value: number | undefined): number | null {
  return Number.isFinite(value) ? Math.max(0, Math.round(value as number)) : null;
}

/**
 * One AiAttempt row per attempt; a successful or partial one also adds to the day's UsageDaily row
 * (UTC day × organization × bot × deployment × key × provider × model). Both happen in ONE statement
 * (a data-modifying CTE feeding INSERT … ON CONFLICT DO UPDATE): atomic, one round trip, and
 * concurrent calls never lose a count. A key deleted while its call ran is recorded without the link.
 */
export function createUsageRecorder(prisma: PrismaClient, options: UsageRecorderOptions = {}): UsageRecorder {
  const now = options.now ?? Date.now;
  return {
    async record(attempt: AttemptRecord) {
      const at = new Date(now());
      const { scope, usage } = attempt;
      const organizationId = scope.organizationId;
      const tokensIn = tokens(usage?.tokensIn);
      const tokensOut = tokens(usage?.tokensOut);
      const costUsd = cost(usage?.costUsd);
      const keyId = attempt.keyId ?? null;
      const insertAttempt = Prisma.sql`
        INSERT INTO "AiAttempt" ("id", "organizationId", "providerKeyId", "botId", "deploymentId", "conversationId",
                                 "provider", "model", "status", "errorCode", "errorMessage", "firstTokenMs",
                                 "latencyMs", "tokensIn", "tokensOut", "costUsd", "createdAt")
        VALUES (${randomUUID()}, ${organizationId},
                (SELECT "id" FROM "ProviderKey" WHERE "id" = ${keyId}::text AND "organizationId" = ${organizationId}),
                ${scope.botId ?? null}::text, ${scope.deploymentId ?? null}::text, ${scope.conversationId ?? null}::text,
                ${attempt.provider}, ${attempt.model}, ${attempt.status}, ${attempt.errorCode ?? null}::text,
                ${attempt.errorMessage ? attempt.errorMessage.slice(0, MAX_MESSAGE) : null}::text,
                ${ms(attempt.firstTokenMs)}::int, ${ms(attempt.latencyMs ?? usage?.latencyMs)}::int,
                ${tokensIn}::int, ${tokensOut}::int, ${costUsd}::numeric,
                (${at.toISOString()}::timestamptz AT TIME ZONE 'UTC'))`;
      if (!COUNTED.has(attempt.status)) {
        await prisma.$executeRaw(insertAttempt);
        return;
      }
      await prisma.$executeRaw`
        WITH attempt AS (${insertAttempt})
        INSERT INTO "UsageDaily" ("id", "organizationId", "day", "botId", "deploymentId", "providerKeyId",
                                  "provider", "model", "calls", "tokensIn", "tokensOut", "costUsd")
        VALUES (${randomUUID()}, ${organizationId}, ${dayKey(at)}::date, ${scope.botId ?? ""},
                ${scope.deploymentId ?? ""}, ${keyId ?? ""}, ${attempt.provider}, ${attempt.model}, 1,
                ${tokensIn}::bigint, ${tokensOut}::bigint, ${costUsd}::numeric)
        ON CONFLICT ("organizationId", "day", "botId", "deploymentId", "providerKeyId", "provider", "model")
        DO UPDATE SET "calls" = "UsageDaily"."calls" + 1,
                      "tokensIn" = "UsageDaily"."tokensIn" + EXCLUDED."tokensIn",
                      "tokensOut" = "UsageDaily"."tokensOut" + EXCLUDED."tokensOut",
                      "costUsd" = "UsageDaily"."costUsd" + EXCLUDED."costUsd"`;
    },
  };
}
