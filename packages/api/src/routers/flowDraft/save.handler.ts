import type { Prisma } from "@pixel/db";
import { applyFlowChanges } from "@pixel/flow";
import { TRPCError } from "@trpc/server";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { lockBot, readDraft } from "./load-draft.ts";
import type { SaveDraftInput } from "./save.schema.ts";

/**
 * Saves small changes against the draft. Each change carries the value it replaces, so edits made
 * elsewhere since `baseRevision` merge when they touch other keys, and a real conflict is returned,
 * never overwritten. The document is sent back only when the client's copy would otherwise be stale.
 */
export async function saveDraftHandler({ ctx, input }: HandlerArgs<OrganizationContext, SaveDraftInput>) {
  return ctx.prisma.$transaction(async (tx) => {
    const bot = await lockBot(tx, ctx.organizationId, input.botId);
    const current = readDraft(bot.draftFlow);
    const result = applyFlowChanges(current, input.changes, { mode: "merge" });
    if (result.invalid?.length) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `These changes would make the flow invalid: ${result.invalid.slice(0, 3).join("; ")}`,
      });
    }
    const stale = input.baseRevision !== bot.draftRevision || result.conflicts.length > 0;
    if (result.applied.length === 0) {
      return { revision: bot.draftRevision, conflicts: result.conflicts, document: stale ? current : null };
    }
    const updated = await tx.bot.update({
      where: { id: bot.id },
      data: {
        draftFlow: result.document as unknown as Prisma.InputJsonValue,
        draftRevision: { increment: 1 },
        updatedById: ctx.actor.userId,
      },
      select: { draftRevision: true },
    });
    return { revision: updated.draftRevision, conflicts: result.conflicts, document: stale ? result.document : null };
  });
}
