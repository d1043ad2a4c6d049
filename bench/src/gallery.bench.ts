/**
 * The template gallery on a realistic catalogue: the 15 seeded templates plus 1,000 generated ones (varied
 * names, descriptions, categories, industries, use cases, tags, languages, ratings and usage; a few
 * organization-only, draft and archived) in a fresh database on the real PostgreSQL (127.0.0.1:5432, or
 * TEST_DATABASE_URL; the embedded PGlite only when that server cannot be used, said so in the output).
 *
 * Measured: `searchGallery` — what the gallery page calls — for the default page, other pages and sorts, a
 * member's view, a set of searches and filter combinations; each paired, round by round, with a baseline in
 * the same run: a bare `SELECT … FROM "Template" ORDER BY … LIMIT 24` (with the same filters) for gallery
 * pages, a bare indexed `count(*) … WHERE "searchVector" @@ to_tsquery(…)` for searches. searchGallery's time
 * includes the facets query that runs beside the page query, the highlighting and the mapping to cards.
 *
 * Goals: gallery p50 ≤ 100 ms, search p95 ≤ 30 ms. The last line printed is one JSON object of the figures.
 * Env: BENCH_ITERATIONS (200 rounds per case), BENCH_GALLERY_TEMPLATES (1000), BENCH_MAX_SECONDS (15 per case).
 */
import { availableParallelism, loadavg } from "node:os";
import { type GalleryQuery, type GalleryViewer, searchGallery } from "@pixel/api";
import { createPrismaClient, Prisma, type PrismaClient } from "@pixel/db";
import { TEMPLATE_SEEDS } from "@pixel/flow";
import { type BenchDatabase, openDatabase } from "./chat/setup.ts";
import { round } from "./chat/stats.ts";
import { baselineTsquery, generateTemplates, SEARCH_TERMS } from "./gallery/generate.ts";
import { loadCatalogue } from "./gallery/load.ts";
import { type PairedResult, paired } from "./gallery/measure.ts";
import { printRows } from "./measure.ts";

const ITERATIONS = Math.max(20, Number(process.env.BENCH_ITERATIONS ?? 200));
const TEMPLATES = Math.min(20_000, Math.max(100, Number(process.env.BENCH_GALLERY_TEMPLATES ?? 1_000)));
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 15);
const WARMUP = 20;
const GOAL_GALLERY_P50_MS = 100;
const GOAL_SEARCH_P95_MS = 30;

const VISITOR: GalleryViewer = { userId: null, organizationIds: [] };

/** The bare gallery query: the same card columns, sorted and limited, with the filters given, nothing else. */
function bareGallery(prisma: PrismaClient, order: string, where: Prisma.Sql = Prisma.empty, offset = 0) {
  return prisma.$queryRaw`
    SELECT "id", "slug", "name", "description", "category", "industry", "useCase", "tags", "previewEmoji",
      "previewImageUrl", "themeColors", "ratingAverage", "ratingCount", "usageCount", "complexity", "priceTier",
      "setupMinutes", "featured", "premium", "languages"
    FROM "Template" t WHERE true ${where}
    ORDER BY ${Prisma.raw(order)} LIMIT 24 OFFSET ${offset}`;
}

function bareSearchCount(prisma: PrismaClient, term: string) {
  return prisma.$queryRaw`SELECT count(*)::int AS n FROM "Template" WHERE "searchVector" @@ to_tsquery('english', ${baselineTsquery(term)})`;
}

/** How many statements one call sends (a proxy counts $queryRaw calls). */
async function statementsPerCall(prisma: PrismaClient, query: GalleryQuery, viewer: GalleryViewer): Promise<number> {
  let count = 0;
  const counting = new Proxy(prisma, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key === "$queryRaw" && typeof value === "function") {
        return (...args: unknown[]) => {
          count += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  await searchGallery(counting, query, viewer);
  return count;
}

/**
 * How PostgreSQL answers a search: whether its chosen plan reads the GIN index, and whether the index serves
 * the query at all (the plan with sequential scans switched off, in a transaction of its own).
 */
async function searchPlan(prisma: PrismaClient, term: string): Promise<{ chosen: boolean; usable: boolean }> {
  const explain = (db: Prisma.TransactionClient | PrismaClient) =>
    db.$queryRaw<unknown[]>`
      EXPLAIN (FORMAT JSON) SELECT t.id FROM "Template" t
      WHERE t."status" = 'published' AND t."visibility" = 'public' AND t."searchVector" @@ websearch_to_tsquery('english', ${term})`;
  const usesIndex = (plan: unknown) => JSON.stringify(plan).includes("Template_searchVector_idx");
  const chosen = usesIndex(await explain(prisma));
  const usable = await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    return usesIndex(await explain(tx));
  });
  return { chosen, usable };
}

const ms = (value: number) => value.toFixed(2);
const verdict = (met: boolean) => (met ? "met" : "MISSED");

async function main() {
  let database: BenchDatabase | undefined;
  let prisma: PrismaClient | undefined;
  try {
    const loadBefore = loadavg()[0] ?? 0;
    database = await openDatabase();
    console.log(`database: ${database.label}`);
    console.log(
      `machine: ${availableParallelism()} cores, load average ${loadBefore.toFixed(2)} at the start (other work on the machine shows up in every figure, baselines included)`,
    );
    if (database.fallbackReason) console.log(`(${database.fallbackReason})`);
    prisma = createPrismaClient({ url: database.url, poolMax: 10, embedded: database.kind === "pglite" });

    const loadStarted = Date.now();
    const generated = generateTemplates(
      TEMPLATES,
      TEMPLATE_SEEDS.map((seed) => seed.flow),
    );
    const loaded = await loadCatalogue(prisma, generated);
    const member: GalleryViewer = { userId: null, organizationIds: [loaded.organizationId] };
    console.log(
      `catalogue: ${loaded.seeded} seeded + ${loaded.generated} generated templates (${loaded.visibleToVisitors} visible to visitors, ${loaded.visibleToMember} to the owner organization's members), loaded in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`,
    );
    const db = prisma;
    const options = { iterations: ITERATIONS, warmup: WARMUP, maxSeconds: MAX_SECONDS };
    const featured = `"featured" DESC, "usageCount" DESC, "name" ASC`;

    const gallery: PairedResult[] = [];
    gallery.push(
      await paired(
        "gallery: default page (featured)",
        () => searchGallery(db, { page: 1 }, VISITOR),
        () => bareGallery(db, featured),
        options,
      ),
    );
    gallery.push(
      await paired(
        "gallery: page 3, newest",
        () => searchGallery(db, { page: 3, sort: "newest" }, VISITOR),
        () => bareGallery(db, `"createdAt" DESC`, Prisma.empty, 48),
        options,
      ),
    );
    gallery.push(
      await paired(
        "gallery: member's view (own org too)",
        () => searchGallery(db, { page: 1 }, member),
        () => bareGallery(db, featured),
        options,
      ),
    );

    const search = await paired(
      `search: ${SEARCH_TERMS.length} terms, rotating`,
      (i) => searchGallery(db, { page: 1, q: SEARCH_TERMS[i % SEARCH_TERMS.length] as string }, VISITOR),
      (i) => bareSearchCount(db, SEARCH_TERMS[i % SEARCH_TERMS.length] as string),
      { ...options, iterations: Math.max(ITERATIONS, SEARCH_TERMS.length * 20) },
    );
    const searchPage2 = await paired(
      'search: "assistant", page 2, sort rating',
      () => searchGallery(db, { page: 2, q: "assistant", sort: "rating" }, VISITOR),
      () => bareSearchCount(db, "assistant"),
      options,
    );

    const filterCases: [string, GalleryQuery, Prisma.Sql][] = [
      [
        "filter: category",
        { page: 1, category: "customer_support" },
        Prisma.sql`AND t."category" = 'customer_support'`,
      ],
      [
        "filter: category + language",
        { page: 1, category: "hospitality", language: "de" },
        Prisma.sql`AND t."category" = 'hospitality' AND 'de' = ANY(t."languages")`,
      ],
      [
        "filter: complexity + tier, sort rating",
        { page: 1, complexity: "advanced", priceTier: "pro", sort: "rating" },
        Prisma.sql`AND t."complexity" = 'advanced' AND t."priceTier" = 'pro'`,
      ],
      [
        "filter: industry + search",
        { page: 1, industry: "dental", q: "appointment reminders" },
        Prisma.sql`AND t."industry" = 'dental'`,
      ],
    ];
    const filters: PairedResult[] = [];
    for (const [name, query, where] of filterCases) {
      const order = query.sort === "rating" ? `"ratingAverage" DESC, "ratingCount" DESC` : featured;
      filters.push(
        await paired(
          name,
          () => searchGallery(db, query, VISITOR),
          () => bareGallery(db, order, where),
          options,
        ),
      );
    }

    const statements = {
      gallery: await statementsPerCall(db, { page: 1 }, VISITOR),
      search: await statementsPerCall(db, { page: 1, q: "invoice" }, VISITOR),
      pastLastPage: await statementsPerCall(db, { page: 999 }, VISITOR),
    };
    const plan = await searchPlan(db, "invoice");
    const sample = await searchGallery(db, { page: 1, q: "customer support" }, VISITOR);

    const galleryP50 = gallery[0]?.p50 ?? Number.NaN;
    const galleryMet = galleryP50 <= GOAL_GALLERY_P50_MS;
    const searchMet = search.p95 <= GOAL_SEARCH_P95_MS;

    console.log("");
    const row = (r: PairedResult, goal: string, met: boolean | null) => [
      r.name,
      String(r.iterations),
      ms(r.p50),
      ms(r.p95),
      ms(r.baselineP50),
      ms(r.baselineP95),
      `+${ms(r.p50 - r.baselineP50)}`,
      goal,
      met === null ? "" : verdict(met),
    ];
    printRows(
      ["case", "rounds", "p50 ms", "p95 ms", "baseline p50", "baseline p95", "added p50", "goal", "verdict"],
      [
        row(gallery[0] as PairedResult, `p50 ≤ ${GOAL_GALLERY_P50_MS} ms`, galleryMet),
        ...gallery.slice(1).map((r) => row(r, `p50 ≤ ${GOAL_GALLERY_P50_MS} ms`, r.p50 <= GOAL_GALLERY_P50_MS)),
        row(search, `p95 ≤ ${GOAL_SEARCH_P95_MS} ms`, searchMet),
        row(searchPage2, `p95 ≤ ${GOAL_SEARCH_P95_MS} ms`, searchPage2.p95 <= GOAL_SEARCH_P95_MS),
        ...filters.map((r) => row(r, `p50 ≤ ${GOAL_GALLERY_P50_MS} ms`, r.p50 <= GOAL_GALLERY_P50_MS)),
      ],
    );
    console.log("");
    console.log(
      `baselines: gallery = bare SELECT of the card columns ORDER BY … LIMIT 24 (same filters, no visibility rule, no facets, no count); search = bare count(*) WHERE "searchVector" @@ to_tsquery(…)`,
    );
    console.log(
      `statements per call: gallery ${statements.gallery}, search ${statements.search}, page past the end ${statements.pastLastPage} (page and facets run side by side)`,
    );
    console.log(
      `search plan: ${plan.chosen ? "reads the GIN index Template_searchVector_idx" : "PostgreSQL reads the table (cheaper at this size)"}; with sequential scans off it ${plan.usable ? "uses the GIN index" : "still does NOT use the GIN index"}`,
    );
    console.log(
      `sample: "customer support" → ${sample.total} matches, first: ${sample.items[0]?.name ?? "-"} [${(sample.items[0]?.highlight?.name ?? []).map((p) => (p.match ? `<${p.text}>` : p.text)).join("")}]`,
    );
    const loadAfter = loadavg()[0] ?? 0;
    console.log(`load average at the end: ${loadAfter.toFixed(2)} on ${availableParallelism()} cores`);
    console.log(
      `goals: gallery p50 ≤ ${GOAL_GALLERY_P50_MS} ms: ${verdict(galleryMet)} (${ms(galleryP50)} ms); search p95 ≤ ${GOAL_SEARCH_P95_MS} ms: ${verdict(searchMet)} (${ms(search.p95)} ms)`,
    );
    const figures = (r: PairedResult) => ({
      name: r.name,
      rounds: r.iterations,
      p50_ms: round(r.p50, 3),
      p95_ms: round(r.p95, 3),
      baseline_p50_ms: round(r.baselineP50, 3),
      baseline_p95_ms: round(r.baselineP95, 3),
    });
    console.log(
      JSON.stringify({
        bench: "gallery",
        database: database.kind,
        database_label: database.label,
        cores: availableParallelism(),
        load_average_start: round(loadBefore, 2),
        load_average_end: round(loadAfter, 2),
        templates_seeded: loaded.seeded,
        templates_generated: loaded.generated,
        templates_visible_to_visitors: loaded.visibleToVisitors,
        gallery_p50_ms: round(galleryP50, 3),
        gallery_p95_ms: round(gallery[0]?.p95 ?? Number.NaN, 3),
        gallery_baseline_p50_ms: round(gallery[0]?.baselineP50 ?? Number.NaN, 3),
        search_p50_ms: round(search.p50, 3),
        search_p95_ms: round(search.p95, 3),
        search_baseline_p95_ms: round(search.baselineP95, 3),
        search_terms: SEARCH_TERMS,
        cases: [...gallery, search, searchPage2, ...filters].map(figures),
        statements_per_call: statements,
        search_plan_reads_gin_index: plan.chosen,
        search_gin_index_usable: plan.usable,
        goal_gallery_p50_ms: GOAL_GALLERY_P50_MS,
        goal_search_p95_ms: GOAL_SEARCH_P95_MS,
        goals_met: { gallery_p50: galleryMet, search_p95: searchMet },
      }),
    );
  } finally {
    await prisma?.$disconnect();
    await database?.database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
