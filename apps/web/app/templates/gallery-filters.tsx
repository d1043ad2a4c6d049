import type { FacetValue, GalleryPage, GalleryQuery, GallerySort } from "@pixel/api";
import { Search, X } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { GalleryFormEnhancer } from "./gallery-form-enhancer";
import { type FILTER_KEYS, type GalleryFilterKey, galleryHref } from "./gallery-url";
import { complexityLabel, labelOf, languageName, priceTierLabel, SORT_LABELS } from "./labels";

export const GALLERY_FORM_ID = "gallery-filters";
export const GALLERY_RESULTS_ID = "gallery-results";

type FilterKey = (typeof FILTER_KEYS)[number];

interface FilterSpec {
  key: FilterKey;
  label: string;
  all: string;
  facet: keyof GalleryPage["facets"];
  show: (value: string) => string;
}

const FILTERS: FilterSpec[] = [
  { key: "category", label: "Category", all: "All", facet: "categories", show: labelOf },
  { key: "industry", label: "Industry", all: "All", facet: "industries", show: labelOf },
  { key: "useCase", label: "Use case", all: "All", facet: "useCases", show: labelOf },
  { key: "complexity", label: "Complexity", all: "Any", facet: "complexities", show: complexityLabel },
  { key: "priceTier", label: "Price tier", all: "Any", facet: "priceTiers", show: priceTierLabel },
  { key: "language", label: "Language", all: "Any", facet: "languages", show: languageName },
];

const SORTS: GallerySort[] = ["featured", "rating", "used", "newest"];

const control =
  "block h-9 w-full rounded-lg border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700";

/** The facet's options; a value in the URL that no visible template has still shows, selected, with 0. */
function optionsOf(values: FacetValue[], current: string | undefined): FacetValue[] {
  if (!current || values.some((v) => v.value === current)) return values;
  return [...values, { value: current, count: 0 }];
}

/**
 * Search, filters and sort as one GET form: it works without JavaScript (submit with Search), and with it the
 * enhancer submits on each change and keeps the address tidy.
 */
export function GalleryFilters({
  query,
  searchText,
  facets,
}: {
  query: GalleryQuery;
  /** What the search box shows (the visitor's words, even when the search was dropped). */
  searchText: string;
  facets: GalleryPage["facets"];
}) {
  return (
    <>
      <search aria-label="Search and filter templates">
        <form id={GALLERY_FORM_ID} action="/templates" method="get" className="space-y-3">
          <div className="flex gap-2">
            <div className="relative flex-1">
              <label htmlFor="gallery-q" className="sr-only">
                Search templates
              </label>
              <Search
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
                aria-hidden
              />
              <input
                id="gallery-q"
                type="search"
                name="q"
                defaultValue={searchText}
                maxLength={200}
                placeholder="Search templates"
                autoComplete="off"
                enterKeyHint="search"
                className="block h-10 w-full rounded-lg border-0 bg-white py-2 pr-3 pl-9 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
              />
            </div>
            <button
              type="submit"
              className="h-10 rounded-lg bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
            >
              Search
            </button>
          </div>
          <div className="grid grid-cols-3 gap-x-2 gap-y-2 sm:gap-x-3 lg:grid-cols-6">
            {FILTERS.map((filter) => {
              const current = query[filter.key];
              return (
                <div key={filter.key} className="min-w-0 space-y-1">
                  <label
                    htmlFor={`gallery-${filter.key}`}
                    className="block text-xs font-medium text-slate-600 dark:text-slate-400"
                  >
                    {filter.label}
                  </label>
                  <select
                    id={`gallery-${filter.key}`}
                    name={filter.key}
                    defaultValue={current ?? ""}
                    className={control}
                  >
                    <option value="">{filter.all}</option>
                    {optionsOf(facets[filter.facet], current).map((option) => (
                      <option key={option.value} value={option.value}>
                        {filter.show(option.value)} ({option.count})
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </div>
        </form>
      </search>
      <Suspense fallback={null}>
        <GalleryFormEnhancer formId={GALLERY_FORM_ID} resultsId={GALLERY_RESULTS_ID} />
      </Suspense>
    </>
  );
}

/**
 * The order of the results, next to their count; it belongs to the filter form through its `form` attribute,
 * so it is submitted with it.
 */
export function SortSelect({ query }: { query: GalleryQuery }) {
  const searching = Boolean(query.q);
  return (
    <div className="flex items-center gap-2">
      <label
        htmlFor="gallery-sort"
        className="text-xs font-medium whitespace-nowrap text-slate-600 dark:text-slate-400"
      >
        Sort by
      </label>
      <select
        id="gallery-sort"
        name="sort"
        form={GALLERY_FORM_ID}
        defaultValue={query.sort ?? ""}
        className={`${control} w-auto`}
      >
        {/* The default order: relevance while searching, featured first otherwise. */}
        <option value="">{searching ? "Best match" : SORT_LABELS.featured}</option>
        {SORTS.filter((sort) => searching || sort !== "featured").map((sort) => (
          <option key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filters in force as chips, each a link that removes it; plus "Clear filters". */
export function ActiveFilters({ query }: { query: GalleryQuery }) {
  const active = FILTERS.filter((filter) => query[filter.key]);
  if (!active.length) return null;
  return (
    <ul className="flex flex-wrap items-center gap-2" aria-label="Active filters">
      {active.map((filter) => {
        const value = query[filter.key] as string;
        const changes: Partial<Record<GalleryFilterKey, undefined>> = { [filter.key]: undefined };
        return (
          <li key={filter.key}>
            <Link
              href={galleryHref(query, { ...changes, page: 1 })}
              className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pr-2 pl-3 text-xs font-medium text-indigo-800 hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-200 dark:hover:bg-indigo-900"
              aria-label={`Remove filter ${filter.label}: ${filter.show(value)}`}
            >
              {filter.label}: {filter.show(value)}
              <X className="size-3.5" aria-hidden />
            </Link>
          </li>
        );
      })}
      {active.length > 1 ? (
        <li>
          <Link
            href={clearFiltersHref(query)}
            className="text-xs font-medium text-slate-600 underline hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
          >
            Clear filters
          </Link>
        </li>
      ) : null}
    </ul>
  );
}

/** The same search and sort, without any filter. */
export function clearFiltersHref(query: GalleryQuery): string {
  return galleryHref({ ...(query.q ? { q: query.q } : {}), ...(query.sort ? { sort: query.sort } : {}) });
}
