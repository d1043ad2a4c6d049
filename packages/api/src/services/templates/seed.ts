import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@pixel/db";
import { TEMPLATE_SEEDS, type TemplateSeed } from "@pixel/flow";

export interface SeedResult {
  created: number;
  updated: number;
  /** Slugs left alone because an organization's template already has them. */
  skipped: string[];
}

/** What the seed decides about a template; usage, ratings, dates and ownership are the database's own. */
function contentOf(seed: TemplateSeed) {
  return {
    name: seed.name,
    description: seed.description,
    category: seed.category,
    industry: seed.industry,
    useCase: seed.useCase,
    tags: seed.tags,
    version: seed.version,
    featured: seed.featured,
    premium: seed.premium,
    complexity: seed.complexity,
    priceTier: seed.priceTier,
    setupMinutes: seed.setupMinutes,
    requiredIntegrations: seed.requiredIntegrations,
    languages: seed.languages,
    defaultLanguage: seed.defaultLanguage,
    previewEmoji: seed.previewEmoji,
    themeColors: seed.themeColors as Prisma.InputJsonValue,
    seoTitle: seed.seoTitle,
    seoDescription: seed.seoDescription,
    flow: seed.flow as unknown as Prisma.InputJsonValue,
    status: "published" as const,
    visibility: "public" as const,
  };
}
type SeedContent = ReturnType<typeof contentOf>;
const CONTENT_KEYS = Object.keys(contentOf(TEMPLATE_SEEDS[0] as TemplateSeed)) as (keyof SeedContent)[];

/** JSON with object keys sorted: jsonb gives keys back in its own order, so plain JSON.stringify would differ. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The content fields whose stored value differs from the seed's. */
function changedFields(stored: Record<string, unknown>, content: SeedContent): (keyof SeedContent)[] {
  return CONTENT_KEYS.filter((key) => canonicalJson(stored[key]) !== canonicalJson(content[key]));
}

const CONTENT_SELECT = Object.fromEntries(CONTENT_KEYS.map((key) => [key, true])) as Record<keyof SeedContent, true>;

/**
 * The catalogue of seed 004 (TEMPLATE_SEEDS) in the database, idempotently: missing templates are created
 * (published, public, owned by no organization, with a TemplateVersion of the seed's version); existing ones
 * are updated only where their content differs from the seed, so a second run with the same seeds writes
 * nothing. Usage counts and ratings are never touched. A slug an organization's template already took is
 * skipped rather than taken over.
 */
export async function seedTemplates(
  prisma: PrismaClient,
  seeds: readonly TemplateSeed[] = TEMPLATE_SEEDS,
): Promise<SeedResult> {
  const result: SeedResult = { created: 0, updated: 0, skipped: [] };
  const existing = await prisma.template.findMany({
    where: { slug: { in: seeds.map((seed) => seed.slug) } },
    select: { ...CONTENT_SELECT, id: true, slug: true, organizationId: true, versions: { select: { version: true } } },
  });
  const bySlug = new Map(existing.map((row) => [row.slug, row]));
  for (const seed of seeds) {
    const content = contentOf(seed);
    const row = bySlug.get(seed.slug);
    if (!row) {
      // false: a process seeding at the same time created it first, with the same content.
      if (await createSeeded(prisma, seed.slug, content)) result.created += 1;
      continue;
    }
    if (row.organizationId !== null) {
      result.skipped.push(seed.slug);
      continue;
    }
    const changed = changedFields(row as unknown as Record<string, unknown>, content);
    const hasVersion = row.versions.some((v) => v.version === seed.version);
    if (changed.length === 0 && hasVersion) continue;
    await prisma.$transaction(async (tx) => {
      if (changed.length > 0) {
        await tx.template.update({
          where: { id: row.id },
          data: Object.fromEntries(changed.map((key) => [key, content[key]])) as Prisma.TemplateUpdateInput,
        });
      }
      await tx.templateVersion.upsert({
        where: { templateId_version: { templateId: row.id, version: seed.version } },
        create: { templateId: row.id, version: seed.version, flow: content.flow, note: "Seeded" },
        update: { flow: content.flow },
      });
    });
    result.updated += 1;
  }
  return result;
}

/**
 * Creates a seeded template and its version in one statement; false when another process created the slug
 * first (ON CONFLICT DO NOTHING, so concurrent seeding never fails or duplicates). Raw SQL because Prisma's
 * model writes take ~100 ms per flow document this size (tens of KB of JSON) where a bound jsonb text takes ~5,
 * and this runs on the first start of every installation.
 */
async function createSeeded(prisma: PrismaClient, slug: string, content: SeedContent): Promise<boolean> {
  const flow = JSON.stringify(content.flow);
  const utcNow = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
  const rows = await prisma.$queryRaw<{ templateId: string }[]>`
    WITH created AS (
      INSERT INTO "Template" ("id", "slug", "organizationId", "name", "description", "category", "industry", "useCase",
        "tags", "version", "featured", "premium", "complexity", "priceTier", "setupMinutes", "requiredIntegrations",
        "languages", "defaultLanguage", "previewEmoji", "themeColors", "seoTitle", "seoDescription", "flow", "status",
        "visibility", "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${slug}, NULL, ${content.name}, ${content.description}, ${content.category},
        ${content.industry}, ${content.useCase}, ${content.tags}::text[], ${content.version}, ${content.featured},
        ${content.premium}, ${content.complexity}, ${content.priceTier}, ${content.setupMinutes}::int,
        ${content.requiredIntegrations}::text[], ${content.languages}::text[], ${content.defaultLanguage},
        ${content.previewEmoji}, ${JSON.stringify(content.themeColors)}::jsonb, ${content.seoTitle},
        ${content.seoDescription}, ${flow}::jsonb, 'published', 'public', ${utcNow}, ${utcNow})
      ON CONFLICT ("slug") DO NOTHING
      RETURNING "id"
    )
    INSERT INTO "TemplateVersion" ("id", "templateId", "version", "flow", "note", "createdAt")
    SELECT ${randomUUID()}, created."id", ${content.version}, ${flow}::jsonb, 'Seeded', ${utcNow} FROM created
    RETURNING "templateId"`;
  return rows.length > 0;
}
