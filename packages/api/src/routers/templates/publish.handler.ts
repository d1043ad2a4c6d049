import { Prisma } from "@pixel/db";
import { parseFlowDocument } from "@pixel/flow";
import { TRPCError } from "@trpc/server";
import { writeAudit } from "../../lib/audit.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { lockBot } from "../flowDraft/load-draft.ts";
import type { PublishTemplateInput } from "./publish.schema.ts";
import { freeTemplateSlug, nextMinorVersion, templateSummarySelect } from "./shared.ts";

export const FIRST_TEMPLATE_VERSION = "1.0.0";

function distinct(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The form's metadata as template columns (empty optional texts stored as null). */
function metadataOf(input: PublishTemplateInput) {
  return {
    name: input.name,
    description: input.description,
    category: input.category,
    industry: input.industry || null,
    useCase: input.useCase || null,
    tags: distinct(input.tags),
    complexity: input.complexity,
    priceTier: input.priceTier,
    setupMinutes: input.setupMinutes,
    languages: distinct(input.languages),
    defaultLanguage: input.defaultLanguage,
    previewEmoji: input.previewEmoji || null,
    requiredIntegrations: distinct(input.requiredIntegrations),
    seoTitle: input.seoTitle || null,
    seoDescription: input.seoDescription || null,
    visibility: input.visibility,
  };
}

/**
 * Publish a bot as a template, from its newest published version (never the unreviewed draft). The first
 * time creates the template (version 1.0.0, a slug from its name); publishing the same bot again makes a new
 * minor version of that template (1.1.0, 1.2.0…) with the current flow and metadata, published again even
 * if it had been unpublished or archived. The bot's row lock makes concurrent publishes of one bot take turns.
 */
export async function publishTemplateHandler({ ctx, input }: HandlerArgs<OrganizationContext, PublishTemplateInput>) {
  const metadata = metadataOf(input);
  return ctx.prisma.$transaction(async (tx) => {
    const bot = await lockBot(tx, ctx.organizationId, input.botId);
    const latest = await tx.flowVersion.findFirst({
      where: { botId: bot.id, organizationId: ctx.organizationId },
      orderBy: { number: "desc" },
      select: { number: true, flow: true },
    });
    if (!latest) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "Publish a version of this bot first: a template is made from the bot's newest published version.",
      });
    }
    const parsed = parseFlowDocument(latest.flow);
    if (!parsed.ok) {
      throw new TRPCError({
        code: "UNPROCESSABLE_CONTENT",
        message: `Version ${latest.number} of this bot cannot be read: ${parsed.issues[0]?.message ?? "unknown problem"}`,
      });
    }
    const flow = parsed.flow as unknown as Prisma.InputJsonValue;
    const note = input.note || `From version ${latest.number} of "${bot.name}"`;
    const existing = await tx.template.findFirst({
      where: { sourceBotId: bot.id, organizationId: ctx.organizationId },
      orderBy: { createdAt: "asc" },
      select: { id: true, version: true, versions: { select: { version: true } } },
    });

    if (existing) {
      const taken = new Set(existing.versions.map((v) => v.version));
      let version = nextMinorVersion(existing.version);
      while (taken.has(version)) version = nextMinorVersion(version);
      const template = await tx.template.update({
        where: { id: existing.id },
        data: {
          ...metadata,
          flow,
          version,
          status: "published",
          publishedById: ctx.actor.userId,
          versions: { create: { version, flow, note, createdById: ctx.actor.userId } },
        },
        select: templateSummarySelect,
      });
      await writeAudit(tx, {
        organizationId: ctx.organizationId,
        actorId: ctx.actor.userId,
        action: "template.republished",
        targetType: "template",
        targetId: template.id,
        metadata: {
          name: template.name,
          slug: template.slug,
          version,
          from: existing.version,
          botId: bot.id,
          botVersion: latest.number,
          visibility: template.visibility,
        },
        ip: ctx.ip,
      });
      return template;
    }

    const slug = await freeTemplateSlug(tx, input.name);
    const template = await tx.template
      .create({
        data: {
          ...metadata,
          slug,
          organizationId: ctx.organizationId,
          sourceBotId: bot.id,
          publishedById: ctx.actor.userId,
          flow,
          version: FIRST_TEMPLATE_VERSION,
          status: "published",
          versions: { create: { version: FIRST_TEMPLATE_VERSION, flow, note, createdById: ctx.actor.userId } },
        },
        select: templateSummarySelect,
      })
      .catch((error: unknown) => {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
          throw new TRPCError({
            code: "CONFLICT",
            message: "Another template took this address a moment ago. Publish again to get a new one.",
          });
        }
        throw error;
      });
    await writeAudit(tx, {
      organizationId: ctx.organizationId,
      actorId: ctx.actor.userId,
      action: "template.published",
      targetType: "template",
      targetId: template.id,
      metadata: {
        name: template.name,
        slug: template.slug,
        version: FIRST_TEMPLATE_VERSION,
        botId: bot.id,
        botVersion: latest.number,
        visibility: template.visibility,
      },
      ip: ctx.ip,
    });
    return template;
  });
}
