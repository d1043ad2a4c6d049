import type { Prisma } from "@pixel/db";
import type { FlowDocument } from "@pixel/flow";

/** Appends an immutable version; callers hold the bot's row lock, so numbers never collide. */
export async function createVersion(
  tx: Prisma.TransactionClient,
  data: { organizationId: string; botId: string; flow: FlowDocument; note: string; userId: string },
) {
  const last = await tx.flowVersion.findFirst({
    where: { botId: data.botId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return tx.flowVersion.create({
    data: {
      organizationId: data.organizationId,
      botId: data.botId,
      number: (last?.number ?? 0) + 1,
      flow: data.flow as unknown as Prisma.InputJsonValue,
      note: data.note,
      createdById: data.userId,
    },
    select: { id: true, number: true, note: true, createdAt: true },
  });
}
