import type { PrismaClient } from "@pixel/db";
import { parseFlowDocument } from "@pixel/flow";
import { ratingOf, themeColorsOf } from "./card.ts";
import { expertsOfFlow } from "./experts.ts";
import type { GalleryViewer, TemplateDetail } from "./types.ts";
import { canViewTemplate } from "./visibility.ts";

/** Slugs are lowercase words and digits joined by "-" (seeds and publish both make them so). */
const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;

export function isTemplateSlug(value: unknown): value is string {
  return typeof value === "string" && SLUG.test(value);
}

/**
 * The template page's data, or null when there is no such template or the viewer may not see it (the page
 * answers 404 either way, so a private template's existence is not revealed).
 */
export async function loadTemplateDetail(
  prisma: PrismaClient,
  slug: string,
  viewer: GalleryViewer,
): Promise<TemplateDetail | null> {
  if (!isTemplateSlug(slug)) return null;
  const row = await prisma.template.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      category: true,
      industry: true,
      useCase: true,
      tags: true,
      version: true,
      featured: true,
      premium: true,
      complexity: true,
      priceTier: true,
      setupMinutes: true,
      requiredIntegrations: true,
      languages: true,
      defaultLanguage: true,
      previewEmoji: true,
      previewImageUrl: true,
      themeColors: true,
      seoTitle: true,
      seoDescription: true,
      ratingAverage: true,
      ratingCount: true,
      usageCount: true,
      status: true,
      visibility: true,
      organizationId: true,
      flow: true,
      updatedAt: true,
      organization: { select: { name: true } },
      ratings: viewer.userId ? { where: { userId: viewer.userId }, select: { rating: true }, take: 1 } : false,
    },
  });
  if (!row || !canViewTemplate(row, viewer)) return null;
  const { organization, ratings, organizationId: _owner, themeColors, updatedAt, flow: stored, ...fields } = row;
  // Migrated on read like every flow document; a document that no longer parses is shown as stored.
  const parsed = parseFlowDocument(stored);
  const flow = parsed.ok ? parsed.flow : stored;
  return {
    ...fields,
    flow,
    ratingAverage: ratingOf(fields.ratingAverage),
    themeColors: themeColorsOf(themeColors),
    ownerName: organization?.name ?? null,
    experts: expertsOfFlow(flow, row.name),
    myRating: ratings?.[0]?.rating ?? null,
    updatedAt: updatedAt.toISOString(),
  };
}
