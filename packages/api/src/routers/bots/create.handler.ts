import type { Prisma } from "@pixel/db";
import { type FlowDocument, parseFlowDocument } from "@pixel/flow";
import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { blankFlow } from "./blank-flow.ts";
import type { CreateBotInput } from "./create.schema.ts";
import { loadBotSummary } from "./summary.ts";

/** Problems listed in a 400's message; the rest are counted. */
const LISTED_ISSUES = 10;

/** The given document, migrated and checked, or a 400 listing what is wrong with it. */
export function readFlowInput(flow: unknown): FlowDocument {
  if (flow === undefined || flow === null) return blankFlow();
  const parsed = parseFlowDocument(flow);
  if (parsed.ok) return parsed.flow;
  const listed = parsed.issues.slice(0, LISTED_ISSUES).map((issue) => issue.message);
  const rest = parsed.issues.length - listed.length;
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: `The flow document is not valid: ${listed.join("; ")}${rest > 0 ? `; …and ${rest} more` : ""}`,
  });
}

export async function createBotHandler({ ctx, input }: HandlerArgs<OrganizationContext, CreateBotInput>) {
  const flow = readFlowInput(input.flow);
  return ctx.prisma.$transaction(async (tx) => {
    const bot = await tx.bot.create({
      data: {
        organizationId: ctx.organizationId,
        name: input.name,
        description: input.description || null,
        draftFlow: flow as unknown as Prisma.InputJsonValue,
        draftRevision: 0,
        updatedById: ctx.actor.userId,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "bot.created",
      targetType: "bot",
      targetId: bot.id,
      metadata: { name: input.name, nodeCount: flow.nodes.length, blank: input.flow == null },
      ip: ctx.ip,
    });
    return loadBotSummary(tx, ctx.organizationId, bot.id);
  });
}
