import type { Prisma } from "@pixel/db";
import { type FlowDocument, parseFlowDocument } from "@pixel/flow";
import { TRPCError } from "@trpc/server";

/** A stored draft, migrated on read like every flow document. */
export function readDraft(value: unknown): FlowDocument {
  const parsed = parseFlowDocument(value);
  if (!parsed.ok) {
    throw new TRPCError({
      code: "UNPROCESSABLE_CONTENT",
      message: `The stored draft cannot be read: ${parsed.issues[0]?.message ?? "unknown problem"}`,
    });
  }
  return parsed.flow;
}

/** Locks the bot's row for the rest of the transaction, so concurrent saves take turns. */
export async function lockBot(tx: Prisma.TransactionClient, organizationId: string, botId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Bot" WHERE id = ${botId} AND "organizationId" = ${organizationId} AND "deletedAt" IS NULL FOR UPDATE`;
  if (rows.length === 0) throw new TRPCError({ code: "NOT_FOUND", message: "Bot not found." });
  const bot = await tx.bot.findUniqueOrThrow({
    where: { id: botId },
    select: { id: true, name: true, draftFlow: true, draftRevision: true },
  });
  return bot;
}
