import { parseFlowDocument, TEMPLATE_SEEDS, type TemplateSeed } from "@pixel/flow";
import { describe, expect, it } from "vitest";
import { loadTemplateDetail } from "../../src/services/templates/detail.ts";
import { searchGallery } from "../../src/services/templates/search.ts";
import { seedTemplates } from "../../src/services/templates/seed.ts";
import { createOrganization, createUser, db, useTestDatabase } from "../helpers.ts";
import { ANONYMOUS, atOnce, createTemplateRow } from "./support.ts";

useTestDatabase();

async function counts() {
  return {
    templates: await db().template.count({ where: { slug: { in: TEMPLATE_SEEDS.map((s) => s.slug) } } }),
    versions: await db().templateVersion.count(),
  };
}

describe("seedTemplates", () => {
  it("creates the catalogue once; a second run changes nothing", async () => {
    const first = await seedTemplates(db());
    expect(first).toEqual({ created: TEMPLATE_SEEDS.length, updated: 0, skipped: [] });
    expect(await counts()).toEqual({ templates: TEMPLATE_SEEDS.length, versions: TEMPLATE_SEEDS.length });
    const before = await db().template.findMany({ orderBy: { slug: "asc" } });

    const second = await seedTemplates(db());
    expect(second).toEqual({ created: 0, updated: 0, skipped: [] });
    expect(await counts()).toEqual({ templates: TEMPLATE_SEEDS.length, versions: TEMPLATE_SEEDS.length });
    // Not even updatedAt moved: nothing was written.
    expect(await db().template.findMany({ orderBy: { slug: "asc" } })).toEqual(before);
  });

  it("seeds published, public, ownerless templates with their flows, searchable at once", async () => {
    const rows = await db().template.findMany({ where: { slug: { in: TEMPLATE_SEEDS.map((s) => s.slug) } } });
    for (const row of rows) {
      expect(row).toMatchObject({ status: "published", visibility: "public", organizationId: null, version: "1.0.0" });
      // Written in UTC like every Prisma DateTime (the seed inserts with raw SQL).
      expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(10 * 60_000);
      expect(parseFlowDocument(row.flow).ok, row.slug).toBe(true);
    }
    const page = await searchGallery(db(), { q: "accounting tax", page: 1 }, ANONYMOUS);
    expect(page.items[0]?.slug).toBe("finance-accountant-expert");
    const gallery = await searchGallery(db(), { page: 1 }, ANONYMOUS);
    expect(gallery.total).toBe(TEMPLATE_SEEDS.length);
    expect(gallery.items[0]?.featured).toBe(true);
  });

  it("keeps usage counts and ratings, and updates only what changed in a seed", async () => {
    const slug = "finance-accountant-expert";
    const user = await createUser();
    const template = await db().template.findUniqueOrThrow({ where: { slug } });
    await db().template.update({
      where: { id: template.id },
      data: { usageCount: 42, ratingAverage: 4, ratingCount: 1 },
    });
    await db().templateRating.create({ data: { templateId: template.id, userId: user.id, rating: 4 } });

    expect(await seedTemplates(db())).toEqual({ created: 0, updated: 0, skipped: [] });
    const changed: TemplateSeed[] = TEMPLATE_SEEDS.map((seed) =>
      seed.slug === slug ? { ...seed, description: `${seed.description} Now with payroll.` } : seed,
    );
    expect(await seedTemplates(db(), changed)).toEqual({ created: 0, updated: 1, skipped: [] });
    const after = await db().template.findUniqueOrThrow({ where: { slug } });
    expect(after.description).toMatch(/Now with payroll\.$/);
    expect(after).toMatchObject({ usageCount: 42, ratingAverage: 4, ratingCount: 1 });
    expect(await db().templateRating.count({ where: { templateId: template.id } })).toBe(1);
    // The search document follows the change (the trigger).
    const page = await searchGallery(db(), { q: "payroll", page: 1 }, ANONYMOUS);
    expect(page.items.map((i) => i.slug)).toContain(slug);
    // And back to the catalogue's text.
    expect(await seedTemplates(db())).toEqual({ created: 0, updated: 1, skipped: [] });
    expect(await counts()).toEqual({ templates: TEMPLATE_SEEDS.length, versions: TEMPLATE_SEEDS.length });
  });

  it("restores a seeded template's missing version and never takes over an organization's slug", async () => {
    const organization = await createOrganization();
    const seed = TEMPLATE_SEEDS[0] as TemplateSeed;
    const taken: TemplateSeed = { ...seed, slug: "taken-by-an-organization" };
    await createTemplateRow({ slug: taken.slug, organizationId: organization.id, name: "Ours" });
    const result = await seedTemplates(db(), [taken]);
    expect(result).toEqual({ created: 0, updated: 0, skipped: [taken.slug] });
    expect((await db().template.findUniqueOrThrow({ where: { slug: taken.slug } })).name).toBe("Ours");

    await db().templateVersion.deleteMany({ where: { template: { slug: seed.slug } } });
    expect(await seedTemplates(db())).toEqual({ created: 0, updated: 1, skipped: [] });
    expect(await db().templateVersion.count({ where: { template: { slug: seed.slug } } })).toBe(1);
  });

  it("runs side by side without duplicates", async () => {
    await db().template.deleteMany({ where: { slug: { in: TEMPLATE_SEEDS.map((s) => s.slug) } } });
    const results = await atOnce([() => seedTemplates(db()), () => seedTemplates(db())]);
    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(TEMPLATE_SEEDS.length);
    expect(await counts()).toEqual({ templates: TEMPLATE_SEEDS.length, versions: TEMPLATE_SEEDS.length });
  });
});

describe("loadTemplateDetail", () => {
  it("gives an expert template's page: fields, its expert, no rating yet", async () => {
    const detail = await loadTemplateDetail(db(), "finance-accountant-expert", ANONYMOUS);
    const seed = TEMPLATE_SEEDS.find((s) => s.slug === "finance-accountant-expert") as TemplateSeed;
    expect(detail).toMatchObject({
      slug: seed.slug,
      name: seed.name,
      version: "1.0.0",
      requiredIntegrations: seed.requiredIntegrations,
      defaultLanguage: seed.defaultLanguage,
      seoTitle: seed.seoTitle,
      visibility: "public",
      status: "published",
      ownerName: null,
      themeColors: seed.themeColors,
      myRating: null,
    });
    expect(detail?.experts).toHaveLength(1);
    expect(detail?.experts[0]?.name).toBe(seed.name);
    expect(detail?.experts[0]?.description).toMatch(/^You are/);
    expect(typeof detail?.updatedAt).toBe("string");
  });

  it("lists the experts a collaboration hands over to", async () => {
    const collaboration = TEMPLATE_SEEDS.find((s) => s.kind === "collaboration") as TemplateSeed;
    const detail = await loadTemplateDetail(db(), collaboration.slug, ANONYMOUS);
    const handoffs = collaboration.flow.nodes.filter((n) => n.type === "expert-handoff");
    const names = [...new Set(handoffs.map((n) => (n.data as { name: string }).name))];
    expect(detail?.experts.map((e) => e.name)).toEqual(names);
    expect(names.length).toBeGreaterThan(1);
    const assessment = await loadTemplateDetail(db(), "pm-project-assessment", ANONYMOUS);
    expect(assessment?.experts.length ?? 0).toBeGreaterThan(1);
  });

  it("hides unknown, organization-only, draft and archived templates from strangers", async () => {
    const organization = await createOrganization();
    const member = { userId: organization.owner.id, organizationIds: [organization.id] };
    const stranger = { userId: "stranger", organizationIds: ["elsewhere"] };
    const own = await createTemplateRow({ organizationId: organization.id, visibility: "organization" });
    const draft = await createTemplateRow({ organizationId: organization.id, status: "draft" });
    const archived = await createTemplateRow({ organizationId: organization.id, status: "archived" });
    for (const template of [own, draft, archived]) {
      expect(await loadTemplateDetail(db(), template.slug, stranger)).toBeNull();
      expect(await loadTemplateDetail(db(), template.slug, ANONYMOUS)).toBeNull();
      expect((await loadTemplateDetail(db(), template.slug, member))?.ownerName).toBe(organization.name);
    }
    expect(await loadTemplateDetail(db(), "no-such-template", ANONYMOUS)).toBeNull();
    for (const slug of ["", "../etc", "A".repeat(500), "bad\u0000slug", "UPPER"]) {
      expect(await loadTemplateDetail(db(), slug, ANONYMOUS)).toBeNull();
    }
    const platformDraft = await createTemplateRow({ status: "draft" });
    expect(await loadTemplateDetail(db(), platformDraft.slug, member)).toBeNull();
  });
});
