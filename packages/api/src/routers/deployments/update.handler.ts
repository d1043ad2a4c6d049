import type { Prisma } from "@pixel/db";
import { writeAudit } from "../../lib/audit.ts";
import { readRateLimits, readTheme } from "../../services/deployments/index.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { rateLimitsJson, sameJson, themeJson } from "./settings-json.ts";
import {
  assertVersionOfBot,
  findDeployment,
  forget,
  isUniqueViolation,
  loadDeployment,
  normalizeChannels,
  normalizeDomains,
  slugTaken,
} from "./shared.ts";
import type { UpdateDeploymentInput } from "./update.schema.ts";

/** Changes the given settings; fields left out stay as they are. Nothing changed: no write, no audit row. */
export async function updateDeploymentHandler({ ctx, input }: HandlerArgs<OrganizationContext, UpdateDeploymentInput>) {
  const current = await findDeployment(ctx, input.deploymentId);
  const data: Prisma.DeploymentUncheckedUpdateInput = {};
  const changed: string[] = [];

  if (input.name !== undefined && input.name !== current.name) {
    data.name = input.name;
    changed.push("name");
  }
  if (input.slug !== undefined && input.slug !== current.slug) {
    const taken = await ctx.prisma.deployment.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (taken) throw slugTaken();
    data.slug = input.slug;
    changed.push("slug");
  }
  let version: number | "latest" | undefined;
  if (input.flowVersionId !== undefined && input.flowVersionId !== current.flowVersionId) {
    const pinned = input.flowVersionId ? await assertVersionOfBot(ctx, current.botId, input.flowVersionId) : null;
    data.flowVersionId = pinned?.id ?? null;
    version = pinned ? pinned.number : "latest";
    changed.push("version");
  }
  if (input.channels !== undefined) {
    const channels = normalizeChannels(input.channels);
    if (!sameJson(channels, current.channels)) {
      data.channels = channels;
      changed.push("channels");
    }
  }
  if (input.environment !== undefined && input.environment !== current.environment) {
    data.environment = input.environment;
    changed.push("environment");
  }
  if (input.allowedDomains !== undefined) {
    const domains = normalizeDomains(input.allowedDomains);
    if (!sameJson(domains, current.allowedDomains)) {
      data.allowedDomains = domains;
      changed.push("allowedDomains");
    }
  }
  if (input.rateLimits !== undefined) {
    const limits = rateLimitsJson(input.rateLimits);
    if (!sameJson(limits, readRateLimits(current.rateLimits))) {
      data.rateLimits = limits;
      changed.push("rateLimits");
    }
  }
  if (input.theme !== undefined) {
    const theme = themeJson(input.theme);
    if (!sameJson(theme, readTheme(current.theme))) {
      data.theme = theme;
      changed.push("theme");
    }
  }

  if (changed.length === 0) return loadDeployment(ctx.prisma, ctx.organizationId, current.id);

  try {
    const updated = await ctx.prisma.$transaction(async (tx) => {
      await tx.deployment.update({ where: { id: current.id }, data });
      await writeAudit(tx, {
        organizationId: ctx.organizationId,
        actorId: ctx.actor.userId,
        action: "deployment.updated",
        targetType: "deployment",
        targetId: current.id,
        metadata: {
          name: (data.name as string | undefined) ?? current.name,
          slug: (data.slug as string | undefined) ?? current.slug,
          changed,
          ...(data.slug ? { fromSlug: current.slug } : {}),
          ...(version !== undefined ? { version } : {}),
        },
        ip: ctx.ip,
      });
      return loadDeployment(tx, ctx.organizationId, current.id);
    });
    forget(current.slug, data.slug as string | undefined);
    return updated;
  } catch (error) {
    // Two renames to one address at once: the unique index stops the second.
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}
