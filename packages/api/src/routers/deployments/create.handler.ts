import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import type { CreateDeploymentInput } from "./create.schema.ts";
import { rateLimitsJson, themeJson } from "./settings-json.ts";
import {
  assertVersionOfBot,
  forget,
  isUniqueViolation,
  loadDeployment,
  NOT_PUBLISHED,
  normalizeChannels,
  normalizeDomains,
  slugFromName,
  slugTaken,
} from "./shared.ts";

/** Attempts at a derived slug before giving up (each with a new random suffix). */
const DERIVED_SLUG_ATTEMPTS = 5;

export async function createDeploymentHandler({ ctx, input }: HandlerArgs<OrganizationContext, CreateDeploymentInput>) {
  const bot = await ctx.prisma.bot.findFirst({
    where: { id: input.botId, organizationId: ctx.organizationId, deletedAt: null },
    select: { id: true, name: true, versions: { select: { number: true }, orderBy: { number: "desc" }, take: 1 } },
  });
  if (!bot) throw new TRPCError({ code: "NOT_FOUND", message: "Bot not found." });
  if (bot.versions.length === 0) throw new TRPCError({ code: "BAD_REQUEST", message: NOT_PUBLISHED });
  const pinned = input.flowVersionId ? await assertVersionOfBot(ctx, bot.id, input.flowVersionId) : null;

  if (input.slug) {
    const taken = await ctx.prisma.deployment.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (taken) throw slugTaken();
  }

  for (let attempt = 1; ; attempt += 1) {
    const slug = input.slug ?? slugFromName(input.name);
    try {
      const created = await ctx.prisma.$transaction(async (tx) => {
        const row = await tx.deployment.create({
          data: {
            organizationId: ctx.organizationId,
            botId: bot.id,
            flowVersionId: pinned?.id ?? null,
            slug,
            name: input.name,
            channels: normalizeChannels(input.channels),
            environment: input.environment,
            allowedDomains: normalizeDomains(input.allowedDomains),
            rateLimits: rateLimitsJson(input.rateLimits),
            theme: themeJson(input.theme),
          },
          select: { id: true },
        });
        await writeAudit(tx, {
          organizationId: ctx.organizationId,
          actorId: ctx.actor.userId,
          action: "deployment.created",
          targetType: "deployment",
          targetId: row.id,
          metadata: {
            name: input.name,
            slug,
            botId: bot.id,
            botName: bot.name,
            version: pinned ? pinned.number : "latest",
            environment: input.environment,
            channels: normalizeChannels(input.channels),
          },
          ip: ctx.ip,
        });
        return loadDeployment(tx, ctx.organizationId, row.id);
      });
      forget(slug);
      return created;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A given slug taken meanwhile is the caller's to change; a derived one is tried again.
      if (input.slug || attempt >= DERIVED_SLUG_ATTEMPTS) throw slugTaken();
    }
  }
}
