import { beforeAll, describe, expect, it } from "vitest";
import { splitHighlight } from "../../src/services/templates/highlight.ts";
import { parseGalleryQuery } from "../../src/services/templates/parse-query.ts";
import { searchGallery } from "../../src/services/templates/search.ts";
import { GALLERY_PAGE_SIZE, type GalleryQuery, type GalleryViewer } from "../../src/services/templates/types.ts";
import { createOrganization, db, useTestDatabase } from "../helpers.ts";
import { ANONYMOUS, createTemplateRow } from "./support.ts";

useTestDatabase();

let ownerOrgId: string;
let member: GalleryViewer;

const search = (query: Partial<GalleryQuery>, viewer: GalleryViewer = ANONYMOUS) =>
  searchGallery(db(), { page: 1, ...query }, viewer);
const slugs = (page: { items: { slug: string }[] }) => page.items.map((item) => item.slug);

beforeAll(async () => {
  const organization = await createOrganization();
  ownerOrgId = organization.id;
  member = { userId: organization.owner.id, organizationIds: [organization.id] };
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  await createTemplateRow({
    slug: "bakery-orders",
    name: "Bakery Order Assistant",
    description: "Takes cake and bread orders, answers questions about opening hours and allergens.",
    category: "food",
    industry: "retail",
    useCase: "ordering",
    tags: ["bakery", "orders"],
    languages: ["en", "fr"],
    complexity: "beginner",
    priceTier: "free",
    featured: false,
    usageCount: 5,
    ratingAverage: 4.5,
    ratingCount: 2,
    createdAt: day(1),
  });
  await createTemplateRow({
    slug: "coffee-concierge",
    name: "Coffee Shop Concierge",
    description: "Recommends drinks and pastries from the bakery counter, and books tables.",
    category: "food",
    industry: "hospitality",
    useCase: "customer_support",
    tags: ["coffee"],
    languages: ["en"],
    complexity: "intermediate",
    priceTier: "pro",
    featured: true,
    usageCount: 50,
    ratingAverage: 3,
    ratingCount: 10,
    createdAt: day(2),
  });
  await createTemplateRow({
    slug: "tax-helper",
    name: "Tax Return Helper",
    description: "Guides freelancers through their yearly tax return, deductions and deadlines.",
    category: "finance_accounting",
    industry: "cross_industry",
    useCase: "tax",
    tags: ["tax", "freelancers"],
    languages: ["en", "de"],
    complexity: "advanced",
    priceTier: "enterprise",
    usageCount: 20,
    ratingAverage: 5,
    ratingCount: 1,
    createdAt: day(3),
  });
  // Hidden from the gallery: another organization's own, a draft, an archived one.
  await createTemplateRow({
    slug: "secret-bakery",
    name: "Secret Bakery Recipes",
    description: "Only for the owner organization.",
    category: "internal",
    visibility: "organization",
    organizationId: ownerOrgId,
    createdAt: day(4),
  });
  await createTemplateRow({ slug: "draft-bakery", name: "Draft Bakery", status: "draft", category: "drafts" });
  await createTemplateRow({ slug: "old-bakery", name: "Old Bakery", status: "archived", category: "archive" });
});

describe("searchGallery: visibility", () => {
  it("shows signed-out visitors the published public templates only", async () => {
    const page = await search({});
    expect(new Set(slugs(page))).toEqual(new Set(["bakery-orders", "coffee-concierge", "tax-helper"]));
    expect(page.total).toBe(3);
    expect(page.facets.categories.map((f) => f.value)).not.toContain("internal");
    expect(page.facets.categories.map((f) => f.value)).not.toContain("drafts");
  });

  it("shows members their organization's own templates, never drafts or archived ones", async () => {
    const page = await search({ q: "bakery" }, member);
    expect(slugs(page)).toContain("secret-bakery");
    expect(slugs(page)).not.toContain("draft-bakery");
    expect(slugs(page)).not.toContain("old-bakery");
    const stranger = await search({ q: "bakery" }, { userId: "someone", organizationIds: ["another-org"] });
    expect(slugs(stranger)).not.toContain("secret-bakery");
    expect(stranger.facets.categories.map((f) => f.value)).not.toContain("internal");
  });
});

describe("searchGallery: search", () => {
  it("ranks a name match above a description match, whatever the featured order", async () => {
    const page = await search({ q: "bakery" });
    expect(slugs(page)).toEqual(["bakery-orders", "coffee-concierge"]);
    expect(page.total).toBe(2);
  });

  it("finds stems (orders → order) and words in tags, category and use case", async () => {
    expect(slugs(await search({ q: "ordering" }))).toEqual(["bakery-orders"]);
    expect(slugs(await search({ q: "freelancer" }))).toEqual(["tax-helper"]);
    // "finance_accounting" is indexed as two words.
    expect(slugs(await search({ q: "accounting" }))).toEqual(["tax-helper"]);
  });

  it("marks the matches in the name and the description as text pieces", async () => {
    const page = await search({ q: "bakery orders" });
    const card = page.items.find((item) => item.slug === "bakery-orders");
    expect(card?.highlight?.name).toEqual([
      { text: "Bakery", match: true },
      { text: " ", match: false },
      { text: "Order", match: true },
      { text: " Assistant", match: false },
    ]);
    const description = card?.highlight?.description ?? [];
    expect(description.filter((p) => p.match).map((p) => p.text)).toContain("orders");
    expect(description.map((p) => p.text).join("")).toContain("Takes cake and bread orders");
    // Without a search there is nothing to highlight.
    expect((await search({})).items.every((item) => item.highlight === null)).toBe(true);
  });

  it("gives the whole description, unmarked, when only the name matched", async () => {
    const page = await search({ q: "helper" });
    expect(page.items[0]?.highlight?.description).toEqual([
      { text: "Guides freelancers through their yearly tax return, deductions and deadlines.", match: false },
    ]);
  });

  it("reads operators safely and never fails on hostile text", async () => {
    expect(slugs(await search({ q: '"bread orders"' }))).toEqual(["bakery-orders"]);
    expect(slugs(await search({ q: "bakery -coffee" }))).toEqual(["bakery-orders"]);
    expect(new Set(slugs(await search({ q: "tax or coffee" })))).toEqual(new Set(["tax-helper", "coffee-concierge"]));
    for (const q of [`'":&|!()<>*\\`, '\'; DROP TABLE "Template"; --', "a:* & !b", "((((", "字 🚀", "%_%"]) {
      await expect(search({ q }), q).resolves.toBeDefined();
    }
    expect(await db().template.count()).toBeGreaterThanOrEqual(6);
  });

  it("treats a search PostgreSQL finds no words in as no search (the query says so)", async () => {
    const page = await search({ q: "the and of" });
    expect(page.query.q).toBeUndefined();
    expect(page.total).toBe(3);
    expect(page.items.every((item) => item.highlight === null)).toBe(true);
  });

  it("orders by the explicit sort, relevance breaking ties", async () => {
    expect(slugs(await search({ q: "bakery", sort: "used" }))).toEqual(["coffee-concierge", "bakery-orders"]);
    expect(slugs(await search({ q: "bakery", sort: "rating" }))).toEqual(["bakery-orders", "coffee-concierge"]);
  });
});

describe("searchGallery: filters, sorts, facets, pages", () => {
  it("filters by category, industry, use case, complexity, price tier and language", async () => {
    expect(new Set(slugs(await search({ category: "food" })))).toEqual(new Set(["bakery-orders", "coffee-concierge"]));
    expect(slugs(await search({ industry: "hospitality" }))).toEqual(["coffee-concierge"]);
    expect(slugs(await search({ useCase: "tax" }))).toEqual(["tax-helper"]);
    expect(slugs(await search({ complexity: "advanced" }))).toEqual(["tax-helper"]);
    expect(slugs(await search({ priceTier: "pro" }))).toEqual(["coffee-concierge"]);
    expect(slugs(await search({ language: "fr" }))).toEqual(["bakery-orders"]);
    expect(slugs(await search({ category: "food", language: "de" }))).toEqual([]);
    expect(slugs(await search({ category: "nothing-like-this" }))).toEqual([]);
  });

  it("sorts featured (default), rating, most used and newest", async () => {
    expect(slugs(await search({}))).toEqual(["coffee-concierge", "tax-helper", "bakery-orders"]);
    expect(slugs(await search({ sort: "rating" }))).toEqual(["tax-helper", "bakery-orders", "coffee-concierge"]);
    expect(slugs(await search({ sort: "used" }))).toEqual(["coffee-concierge", "tax-helper", "bakery-orders"]);
    expect(slugs(await search({ sort: "newest" }))).toEqual(["tax-helper", "coffee-concierge", "bakery-orders"]);
  });

  it("counts facets over everything visible, not narrowed by the filters", async () => {
    const page = await search({ category: "food", q: "coffee" });
    expect(page.facets.categories).toEqual([
      { value: "food", count: 2 },
      { value: "finance_accounting", count: 1 },
    ]);
    expect(page.facets.languages).toEqual([
      { value: "en", count: 3 },
      { value: "de", count: 1 },
      { value: "fr", count: 1 },
    ]);
    expect(page.facets.complexities.map((f) => f.value)).toEqual(["beginner", "intermediate", "advanced"]);
    expect(page.facets.priceTiers.map((f) => f.value)).toEqual(["free", "pro", "enterprise"]);
    expect(page.facets.industries).toHaveLength(3);
    expect(page.facets.useCases).toHaveLength(3);
    const forMember = await search({}, member);
    expect(forMember.facets.categories).toContainEqual({ value: "internal", count: 1 });
  });

  it("maps every card field", async () => {
    const page = await search({ useCase: "ordering" });
    expect(page.items[0]).toMatchObject({
      slug: "bakery-orders",
      name: "Bakery Order Assistant",
      category: "food",
      industry: "retail",
      tags: ["bakery", "orders"],
      languages: ["en", "fr"],
      ratingAverage: 4.5,
      ratingCount: 2,
      usageCount: 5,
      complexity: "beginner",
      priceTier: "free",
      setupMinutes: 5,
      featured: false,
      premium: false,
      themeColors: null,
      highlight: null,
    });
  });

  it("pages through many templates with a stable order and the total of all", async () => {
    const organization = await createOrganization();
    const viewer = { userId: organization.owner.id, organizationIds: [organization.id] };
    const count = GALLERY_PAGE_SIZE + 6;
    await db().template.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        slug: `bulk-${organization.id}-${i}`,
        name: `Bulk template ${String(i).padStart(2, "0")}`,
        description: "One of many.",
        category: "bulk",
        tags: [],
        requiredIntegrations: [],
        languages: ["en"],
        status: "published" as const,
        visibility: "organization" as const,
        organizationId: organization.id,
        flow: {},
      })),
    });
    const first = await search({ category: "bulk" }, viewer);
    const second = await search({ category: "bulk", page: 2 }, viewer);
    expect(first.items).toHaveLength(GALLERY_PAGE_SIZE);
    expect(second.items).toHaveLength(6);
    expect(first.total).toBe(count);
    expect(second.total).toBe(count);
    expect(first.pageCount).toBe(2);
    expect(new Set([...slugs(first), ...slugs(second)]).size).toBe(count);
    const past = await search({ category: "bulk", page: 7 }, viewer);
    expect(past.items).toEqual([]);
    expect(past.total).toBe(count);
    expect(past.page).toBe(7);
    // Other visitors see none of them.
    expect((await search({ category: "bulk" })).total).toBe(0);
  });

  it("takes the parsed URL as it comes (parse → search)", async () => {
    const { query, notices } = parseGalleryQuery({ q: "bakery", sort: "bogus", page: "x", language: "EN" });
    expect(notices).toHaveLength(2);
    const page = await searchGallery(db(), query, ANONYMOUS);
    expect(slugs(page)).toEqual(["bakery-orders", "coffee-concierge"]);
  });
});

describe("splitHighlight", () => {
  it("turns markers into pieces and ignores stray ones", () => {
    expect(splitHighlight("a \u0002b\u0003 c")).toEqual([
      { text: "a ", match: false },
      { text: "b", match: true },
      { text: " c", match: false },
    ]);
    expect(splitHighlight("\u0002x\u0003\u0002y\u0003")).toEqual([{ text: "xy", match: true }]);
    expect(splitHighlight("no \u0003marks\u0002")).toEqual([{ text: "no marks", match: false }]);
    expect(splitHighlight("")).toEqual([]);
  });
});
