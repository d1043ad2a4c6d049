import { Prisma } from "@pixel/db";
import { START_MARK, STOP_MARK } from "./highlight.ts";
import type { GalleryQuery } from "./types.ts";

/**
 * The search as a tsquery. websearch_to_tsquery accepts any text (quotes, "or", "-word", stray symbols)
 * without a syntax error, so user input goes to it as a bound parameter, never into the SQL text.
 */
export function tsquerySql(q: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery('english', ${q})`;
}

/** The filters of the query (not the search) as `AND …` conditions on alias `t`. */
export function filtersSql(query: GalleryQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (query.category) conditions.push(Prisma.sql`t."category" = ${query.category}`);
  if (query.industry) conditions.push(Prisma.sql`t."industry" = ${query.industry}`);
  if (query.useCase) conditions.push(Prisma.sql`t."useCase" = ${query.useCase}`);
  if (query.complexity) conditions.push(Prisma.sql`t."complexity" = ${query.complexity}`);
  if (query.priceTier) conditions.push(Prisma.sql`t."priceTier" = ${query.priceTier}`);
  if (query.language) conditions.push(Prisma.sql`${query.language} = ANY(t."languages")`);
  return conditions.length ? Prisma.sql` AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/**
 * ORDER BY over the page query's output columns (so the same text orders the inner, limited query and the
 * outer one that adds highlights). With a search and no explicit sort: relevance first; with an explicit
 * sort, relevance only breaks its ties. The id last makes pages stable.
 */
export function orderSql(query: GalleryQuery, searching: boolean): Prisma.Sql {
  const rank = searching ? ` "rank" DESC,` : "";
  switch (query.sort) {
    case "rating":
      return Prisma.raw(`"ratingAverage" DESC, "ratingCount" DESC,${rank} "name" ASC, "id" ASC`);
    case "used":
      return Prisma.raw(`"usageCount" DESC,${rank} "name" ASC, "id" ASC`);
    case "newest":
      return Prisma.raw(`"createdAt" DESC,${rank} "id" ASC`);
    case "featured":
      return Prisma.raw(`"featured" DESC, "usageCount" DESC,${rank} "name" ASC, "id" ASC`);
    default:
      return Prisma.raw(`${rank} "featured" DESC, "usageCount" DESC, "name" ASC, "id" ASC`);
  }
}

/** The name whole, every match marked (names are short). */
export const NAME_HEADLINE_OPTIONS = `StartSel=${START_MARK}, StopSel=${STOP_MARK}, HighlightAll=true`;
/** Up to two fragments of the description around the matches, joined by an ellipsis. */
export const DESCRIPTION_HEADLINE_OPTIONS = `StartSel=${START_MARK}, StopSel=${STOP_MARK}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;

/** Template text without our marker characters, so content can never fake a highlight. */
export function unmarkedSql(column: string): Prisma.Sql {
  return Prisma.raw(`translate(${column}, chr(2) || chr(3), '')`);
}
