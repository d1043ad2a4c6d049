import { Prisma, type PrismaClient } from "@pixel/db";
import { tsquerySql } from "./gallery-sql.ts";
import { COMPLEXITIES, type FacetValue, type GalleryPage, PRICE_TIERS } from "./types.ts";
import { visibleSql } from "./visibility.ts";

type Facets = GalleryPage["facets"];

interface FacetRow {
  facet: keyof Facets | "searchTerms";
  value: string | null;
  count: number;
}

export interface LoadedFacets {
  values: Facets;
  /** With a search: how many terms PostgreSQL's tsquery has (0 = the search has no words it can look for). */
  searchTerms: number | null;
}

/** Levels and tiers in their natural order; other facets by count, then alphabetically. */
function sortFacet(name: keyof Facets, values: FacetValue[]): FacetValue[] {
  const canonical: readonly string[] | null =
    name === "complexities" ? COMPLEXITIES : name === "priceTiers" ? PRICE_TIERS : null;
  if (canonical) {
    const position = (value: string) => {
      const i = canonical.indexOf(value);
      return i < 0 ? canonical.length : i;
    };
    return values.sort((a, b) => position(a.value) - position(b.value) || a.value.localeCompare(b.value));
  }
  return values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * Counts per category, industry, use case, complexity, price tier and language over every template the viewer
 * can see (not narrowed by the current filters, so every option stays reachable), in one statement: the
 * visible rows are read once (a materialized CTE) and grouped six ways. The search's term count rides along,
 * so the caller learns without another round trip whether PostgreSQL found any words in it.
 */
export async function loadFacets(
  prisma: PrismaClient,
  viewer: Parameters<typeof visibleSql>[0],
  q: string | undefined,
): Promise<LoadedFacets> {
  const terms = q ? Prisma.sql`UNION ALL SELECT 'searchTerms', NULL, numnode(${tsquerySql(q)})` : Prisma.empty;
  const rows = await prisma.$queryRaw<FacetRow[]>`
    WITH v AS MATERIALIZED (
      SELECT t."category", t."industry", t."useCase", t."complexity", t."priceTier", t."languages"
      FROM "Template" t WHERE ${visibleSql(viewer)}
    )
    SELECT 'categories' AS "facet", "category" AS "value", count(*)::int AS "count" FROM v GROUP BY "category"
    UNION ALL SELECT 'industries', "industry", count(*)::int FROM v WHERE "industry" IS NOT NULL GROUP BY "industry"
    UNION ALL SELECT 'useCases', "useCase", count(*)::int FROM v WHERE "useCase" IS NOT NULL GROUP BY "useCase"
    UNION ALL SELECT 'complexities', "complexity", count(*)::int FROM v GROUP BY "complexity"
    UNION ALL SELECT 'priceTiers', "priceTier", count(*)::int FROM v GROUP BY "priceTier"
    UNION ALL SELECT 'languages', l, count(*)::int FROM v CROSS JOIN LATERAL unnest(v."languages") AS l GROUP BY l
    ${terms}`;
  const values: Facets = {
    categories: [],
    industries: [],
    useCases: [],
    complexities: [],
    priceTiers: [],
    languages: [],
  };
  let searchTerms: number | null = null;
  for (const row of rows) {
    if (row.facet === "searchTerms") searchTerms = Number(row.count);
    else if (row.value !== null && row.value !== "")
      values[row.facet].push({ value: row.value, count: Number(row.count) });
  }
  for (const name of Object.keys(values) as (keyof Facets)[]) values[name] = sortFacet(name, values[name]);
  return { values, searchTerms };
}
