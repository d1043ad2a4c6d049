import { type GalleryQuery, parseGalleryQuery, searchGallery } from "@pixel/api";
import { getPrisma } from "@pixel/db";
import { LayoutTemplate, SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { appUrl } from "@/lib/auth";
import { EmptyResults, InfoNote } from "./bits";
import { ActiveFilters, clearFiltersHref, GALLERY_RESULTS_ID, GalleryFilters, SortSelect } from "./gallery-filters";
import { activeFilterCount, galleryHref } from "./gallery-url";
import { plural } from "./labels";
import { Pager } from "./pager";
import { TemplateCard } from "./template-card";
import { loadVisitor } from "./viewer";

// Results depend on the visitor (their organizations' templates) and change as templates are published and used.
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DESCRIPTION =
  "Start a chatbot from an expert template or a multi-expert collaboration flow: preview each one live, then make it yours.";

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { query } = parseGalleryQuery(await searchParams);
  const narrowed = Boolean(query.q) || activeFilterCount(query) > 0 || query.page > 1 || Boolean(query.sort);
  const title = query.q ? `Templates for “${query.q}”` : "Template gallery";
  return {
    metadataBase: new URL(appUrl()),
    title,
    description: DESCRIPTION,
    alternates: { canonical: "/templates" },
    // Searches and filtered views are many addresses for the same templates: only the gallery itself is indexed.
    ...(narrowed ? { robots: { index: false, follow: true } } : {}),
    openGraph: { title: "Chatbot template gallery · Pixel AI Creator", description: DESCRIPTION, url: "/templates" },
  };
}

/** The public template gallery: search, filters, sort and pages in the address; no sign-in needed. */
export default async function GalleryPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const parsed = parseGalleryQuery(params);
  const { viewer } = await loadVisitor();
  const gallery = await searchGallery(getPrisma(), parsed.query, viewer);
  const query = gallery.query;
  const notices = [...parsed.notices];
  if (parsed.query.q && !query.q) {
    notices.push(`The search “${parsed.query.q}” has no words to look for — showing all templates.`);
  }
  const pastTheEnd = gallery.items.length === 0 && gallery.total > 0 && gallery.page > gallery.pageCount;
  const searchText = typeof params.q === "string" ? params.q.slice(0, 200) : (parsed.query.q ?? "");

  return (
    <>
      <div className="mb-6">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Template gallery</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 sm:text-base dark:text-slate-400">
          Start from an expert bot or a multi-expert collaboration flow. Preview any template live, then make it yours.
        </p>
      </div>

      <GalleryFilters query={query} searchText={searchText} facets={gallery.facets} />

      {notices.length ? (
        <div className="mt-4">
          <InfoNote>
            <ul className="space-y-0.5">
              {notices.map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
          </InfoNote>
        </div>
      ) : null}

      <section
        id={GALLERY_RESULTS_ID}
        aria-labelledby="gallery-results-heading"
        className="mt-5 transition-opacity aria-busy:opacity-60"
      >
        <div className="mb-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <h2 id="gallery-results-heading" className="sr-only">
              Results
            </h2>
            <p role="status" className="text-sm font-medium text-slate-700 dark:text-slate-300">
              {resultsText(query, gallery.total, gallery.page, gallery.pageCount)}
            </p>
            <ActiveFilters query={query} />
          </div>
          <SortSelect query={query} />
        </div>

        {pastTheEnd ? (
          <EmptyResults
            icon={<SearchX className="size-10 text-slate-400" />}
            title={`There is no page ${gallery.page}`}
          >
            <Link
              href={galleryHref(query, { page: gallery.pageCount })}
              className="font-medium text-indigo-600 underline dark:text-indigo-400"
            >
              Go to the last page ({gallery.pageCount})
            </Link>
          </EmptyResults>
        ) : gallery.items.length === 0 ? (
          <NoResults query={query} />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Templates">
            {gallery.items.map((template) => (
              <li key={template.id}>
                <TemplateCard template={template} />
              </li>
            ))}
          </ul>
        )}

        <Pager query={query} page={gallery.page} pageCount={gallery.pageCount} />
      </section>
    </>
  );
}

function resultsText(query: GalleryQuery, total: number, page: number, pageCount: number): string {
  const count = query.q
    ? `${plural(total, "template")} ${total === 1 ? "matches" : "match"} “${query.q}”`
    : plural(total, "template");
  return pageCount > 1 && page <= pageCount ? `${count} · page ${page} of ${pageCount}` : count;
}

function NoResults({ query }: { query: GalleryQuery }) {
  const filtered = activeFilterCount(query) > 0;
  if (!filtered && !query.q) {
    return (
      <EmptyResults icon={<LayoutTemplate className="size-10 text-slate-400" />} title="No templates yet">
        Templates appear here as soon as they are published.
      </EmptyResults>
    );
  }
  return (
    <EmptyResults icon={<SearchX className="size-10 text-slate-400" />} title="No templates match">
      <p>
        {query.q && filtered
          ? "Try other words, or fewer filters."
          : query.q
            ? "Try other words: the search looks at names, descriptions, tags and categories."
            : "No template has all of these. Try fewer filters."}
      </p>
      <div className="mt-4 flex flex-wrap justify-center gap-2">
        {filtered ? (
          <Link
            href={clearFiltersHref(query)}
            className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Clear filters
          </Link>
        ) : null}
        {query.q ? (
          <Link
            href={galleryHref(query, { q: undefined, page: 1 })}
            className="rounded-lg px-4 py-2 text-sm font-medium text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-800"
          >
            Clear search
          </Link>
        ) : null}
      </div>
    </EmptyResults>
  );
}
