import { randomUUID } from "node:crypto";
import { Prisma } from "@pixel/db";
import type { HandlerArgs, UserContext } from "../../trpc/types.ts";
import type { RateTemplateInput } from "./rate.schema.ts";
import { templateNotFound } from "./shared.ts";

/** Prisma keeps DateTime columns as UTC timestamps without a zone; now() would be the server's local time. */
const UTC_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/**
 * A signed-in user's 1–5 stars: one rating per user and template (rating again changes it). The template's
 * row is locked first, so concurrent ratings take turns and each recomputes the average from every committed
 * rating (READ COMMITTED gives each statement after the lock a fresh snapshot): no lost updates.
 */
export async function rateTemplateHandler({ ctx, input }: HandlerArgs<UserContext, RateTemplateInput>) {
  const userId = ctx.actor.userId;
  const memberships = await ctx.prisma.membership.findMany({ where: { userId }, select: { organizationId: true } });
  const organizationIds = memberships.map((m) => m.organizationId);
  const template = await ctx.prisma.template.findFirst({
    where: {
      slug: input.slug,
      status: "published",
      OR: [{ visibility: "public" }, ...(organizationIds.length ? [{ organizationId: { in: organizationIds } }] : [])],
    },
    select: { id: true },
  });
  if (!template) throw templateNotFound();
  return ctx.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Template" WHERE id = ${template.id} FOR UPDATE`;
    await tx.$executeRaw`
      INSERT INTO "TemplateRating" ("id", "templateId", "userId", "rating", "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${template.id}, ${userId}, ${input.rating}, ${UTC_NOW}, ${UTC_NOW})
      ON CONFLICT ("templateId", "userId") DO UPDATE SET "rating" = EXCLUDED."rating", "updatedAt" = ${UTC_NOW}`;
    const [aggregate] = await tx.$queryRaw<{ ratingAverage: number; ratingCount: number }[]>`
      UPDATE "Template" AS t
      SET "ratingAverage" = a."average", "ratingCount" = a."count"
      FROM (
        SELECT coalesce(avg("rating"), 0)::float8 AS "average", count(*)::int AS "count"
        FROM "TemplateRating" WHERE "templateId" = ${template.id}
      ) AS a
      WHERE t.id = ${template.id}
      RETURNING t."ratingAverage", t."ratingCount"`;
    return {
      ratingAverage: Number(aggregate?.ratingAverage ?? 0),
      ratingCount: Number(aggregate?.ratingCount ?? 0),
      myRating: input.rating,
    };
  });
}
