import type { GalleryQuery } from "@pixel/api";
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { classes as cn } from "./bits";
import { galleryHref, pagerPages } from "./gallery-url";

const item =
  "inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-lg px-2.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500";

/** Page links that keep the search, filters and sort. */
export function Pager({ query, page, pageCount }: { query: GalleryQuery; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const link = (to: number) => galleryHref(query, { page: to });
  return (
    <nav aria-label="Pages" className="mt-8 flex flex-wrap items-center justify-center gap-1">
      {page > 1 ? (
        <Link href={link(page - 1)} rel="prev" className={cn(item, "hover:bg-slate-100 dark:hover:bg-slate-800")}>
          <ChevronLeft className="size-4" aria-hidden />
          Previous
        </Link>
      ) : null}
      {pagerPages(page, pageCount).map((number, index) =>
        number === null ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity of their own
          <span key={`gap-${index}`} className="px-1 text-slate-400" aria-hidden>
            …
          </span>
        ) : number === page ? (
          <span key={number} aria-current="page" className={cn(item, "bg-indigo-600 text-white")}>
            <span className="sr-only">Page </span>
            {number}
          </span>
        ) : (
          <Link
            key={number}
            href={link(number)}
            className={cn(item, "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800")}
          >
            <span className="sr-only">Page </span>
            {number}
          </Link>
        ),
      )}
      {page < pageCount ? (
        <Link href={link(page + 1)} rel="next" className={cn(item, "hover:bg-slate-100 dark:hover:bg-slate-800")}>
          Next
          <ChevronRight className="size-4" aria-hidden />
        </Link>
      ) : null}
    </nav>
  );
}
