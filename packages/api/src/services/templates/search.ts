import { Prisma, type PrismaClient } from "@pixel/db";
import { CARD_COLUMNS, type CardRow, toCard } from "./card.ts";
import { loadFacets } from "./facets.ts";
import {
  DESCRIPTION_HEADLINE_OPTIONS,
  filtersSql,
  NAME_HEADLINE_OPTIONS,
  orderSql,
  tsquerySql,
  unmarkedSql,
} from "./gallery-sql.ts";
import { descriptionPieces, splitHighlight } from "./highlight.ts";
import { GALLERY_PAGE_SIZE, type GalleryPage, type GalleryQuery, type GalleryViewer } from "./types.ts";
import { visibleSql } from "./visibility.ts";

interface PageRow extends CardRow {
  total: number;
  nameMarked: string | null;
  descriptionMarked: string | null;
}

/**
 * One statement for the page: the matching visible templates, ranked and sorted, cut to the page, with the
 * total of all matches (a window count, computed before LIMIT) and, for a search, the highlighted name and
 * description. ts_headline runs in the outer query, on the page's rows only.
 */
function pageSql(query: GalleryQuery, viewer: GalleryViewer): Prisma.Sql {
  const searching = Boolean(query.q);
  const order = orderSql(query, searching);
  const offset = (query.page - 1) * GALLERY_PAGE_SIZE;
  const tsquery = query.q ? tsquerySql(query.q) : null;
  const rank = tsquery ? Prisma.sql`ts_rank_cd(t."searchVector", ${tsquery})` : Prisma.sql`0::real`;
  const match = tsquery ? Prisma.sql` AND t."searchVector" @@ ${tsquery}` : Prisma.empty;
  const headlines = tsquery
    ? Prisma.sql`ts_headline('english', ${unmarkedSql('"name"')}, ${tsquery}, ${NAME_HEADLINE_OPTIONS}) AS "nameMarked",
        ts_headline('english', ${unmarkedSql('"description"')}, ${tsquery}, ${DESCRIPTION_HEADLINE_OPTIONS}) AS "descriptionMarked"`
    : Prisma.sql`NULL::text AS "nameMarked", NULL::text AS "descriptionMarked"`;
  return Prisma.sql`
    SELECT page.*, ${headlines}
    FROM (
      SELECT ${CARD_COLUMNS}, t."createdAt", ${rank} AS "rank", (count(*) OVER ())::int AS "total"
      FROM "Template" t
      WHERE ${visibleSql(viewer)}${filtersSql(query)}${match}
      ORDER BY ${order}
      LIMIT ${GALLERY_PAGE_SIZE} OFFSET ${offset}
    ) page
    ORDER BY ${order}`;
}

/** How many visible templates match; only needed when the page asked for lies past the last one. */
async function countMatches(prisma: PrismaClient, query: GalleryQuery, viewer: GalleryViewer): Promise<number> {
  const match = query.q ? Prisma.sql` AND t."searchVector" @@ ${tsquerySql(query.q)}` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS "total" FROM "Template" t WHERE ${visibleSql(viewer)}${filtersSql(query)}${match}`;
  return rows[0]?.total ?? 0;
}

/**
 * A gallery page for the viewer: visible templates (published; public or the viewer's organizations'),
 * filtered, searched with PostgreSQL full-text search (GIN index on "searchVector"), ranked with ts_rank_cd,
 * sorted, paginated, highlighted, and the facets of everything the viewer can see. Two statements run side by
 * side (page, facets); a third only for a page past the end (its total) or a search PostgreSQL finds no words
 * in (the page again, unsearched).
 */
export async function searchGallery(
  prisma: PrismaClient,
  query: GalleryQuery,
  viewer: GalleryViewer,
): Promise<GalleryPage> {
  const page = Number.isSafeInteger(query.page) && query.page >= 1 ? query.page : 1;
  let effective: GalleryQuery = { ...query, page };
  if (!effective.q) delete effective.q;
  const [firstRows, facets] = await Promise.all([
    prisma.$queryRaw<PageRow[]>(pageSql(effective, viewer)),
    loadFacets(prisma, viewer, effective.q),
  ]);
  let rows = firstRows;
  // parseGalleryQuery drops searches made only of stop words; this catches what PostgreSQL's parser sees
  // differently (the tsquery has no lexemes, so nothing would match): show the gallery unsearched instead.
  if (effective.q && facets.searchTerms === 0) {
    const { q: _dropped, ...rest } = effective;
    effective = rest;
    rows = await prisma.$queryRaw<PageRow[]>(pageSql(effective, viewer));
  }
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) total = await countMatches(prisma, effective, viewer);
  const searching = Boolean(effective.q);
  const items = rows.map((row) =>
    toCard(
      row,
      searching
        ? {
            name: row.nameMarked ? splitHighlight(row.nameMarked) : [{ text: row.name, match: false }],
            description: descriptionPieces(row.descriptionMarked, row.description),
          }
        : null,
    ),
  );
  return {
    query: effective,
    items,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / GALLERY_PAGE_SIZE)),
    pageSize: GALLERY_PAGE_SIZE,
    facets: facets.values,
  };
}
