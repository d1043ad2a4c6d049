import type { GalleryQuery } from "@pixel/api";

/** The gallery's URL parameters, in the order they appear in links. */
const KEYS = ["q", "category", "industry", "useCase", "complexity", "priceTier", "language", "sort"] as const;
export type GalleryFilterKey = (typeof KEYS)[number];

/** The filters (not the search, sort or page) a visitor can clear. */
export const FILTER_KEYS = [
  "category",
  "industry",
  "useCase",
  "complexity",
  "priceTier",
  "language",
] as const satisfies readonly GalleryFilterKey[];

type LinkQuery = Partial<Omit<GalleryQuery, "page">> & { page?: number };

/**
 * A gallery link that keeps every filter: `/templates?q=…&category=…&page=2`. Empty values are left out, and so
 * is page 1, so each view has one address. `changes` replace values (undefined removes one).
 */
export function galleryHref(query: LinkQuery, changes: LinkQuery = {}): string {
  const merged: LinkQuery = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = Object.hasOwn(changes, key) ? changes[key] : merged[key];
    if (typeof value === "string" && value.trim()) params.set(key, value);
  }
  const page = Object.hasOwn(changes, "page") ? changes.page : merged.page;
  if (page && page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/templates?${search}` : "/templates";
}

/** How many of the filters are set. */
export function activeFilterCount(query: LinkQuery): number {
  return FILTER_KEYS.filter((key) => Boolean(query[key])).length;
}

/**
 * The page numbers a pager shows: the first, the last, and up to two either side of the current one, with
 * null for each gap ("1 … 4 5 6 7 8 … 20").
 */
export function pagerPages(current: number, count: number): (number | null)[] {
  const wanted = new Set<number>([1, count]);
  for (let page = current - 2; page <= current + 2; page++) if (page >= 1 && page <= count) wanted.add(page);
  const sorted = [...wanted].filter((page) => page >= 1 && page <= count).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const page of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && page - last > 1) out.push(page - last === 2 ? last + 1 : null);
    out.push(page);
  }
  return out;
}
