/**
 * Loads the gallery bench's catalogue: the seeded templates through the app's own seedTemplates, then the
 * generated ones in batches (the search trigger fills "searchVector" as for any insert), then VACUUM ANALYZE,
 * as autovacuum would on a live database.
 */
import { randomBytes } from "node:crypto";
import { seedTemplates } from "@pixel/api";
import type { Prisma, PrismaClient } from "@pixel/db";
import type { GeneratedTemplate } from "./generate.ts";

const BATCH = 100;

export interface Loaded {
  organizationId: string;
  seeded: number;
  generated: number;
  visibleToVisitors: number;
  visibleToMember: number;
}

export async function loadCatalogue(prisma: PrismaClient, templates: GeneratedTemplate[]): Promise<Loaded> {
  const seeded = await seedTemplates(prisma);
  const organization = await prisma.organization.create({
    data: { name: "Gallery bench", slug: `gallery-bench-${randomBytes(4).toString("hex")}` },
  });
  for (let i = 0; i < templates.length; i += BATCH) {
    await prisma.template.createMany({
      data: templates.slice(i, i + BATCH).map(
        ({ owned, flow, themeColors, ...t }): Prisma.TemplateCreateManyInput => ({
          ...t,
          organizationId: owned ? organization.id : null,
          flow: flow as Prisma.InputJsonValue,
          themeColors,
        }),
      ),
    });
  }
  // What autovacuum does on a live database after a bulk load: statistics for the planner, and the GIN index's
  // pending list (where fast-update parks new entries) merged into the index, which the planner counts as cost.
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "Template"`);
  const published = templates.filter((t) => t.status === "published");
  return {
    organizationId: organization.id,
    seeded: seeded.created,
    generated: templates.length,
    visibleToVisitors: seeded.created + published.filter((t) => t.visibility === "public").length,
    visibleToMember: seeded.created + published.length,
  };
}
