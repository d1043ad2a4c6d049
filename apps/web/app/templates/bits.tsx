import type { ReactNode } from "react";

/*
 * The gallery's server components stay off the @pixel/ui barrel: importing anything from it makes every client
 * module it re-exports (the chat window, its markdown renderer, the dialog) part of the page's JavaScript, which
 * would triple what a phone downloads for the gallery. These are the two pieces the gallery needs, in the
 * design system's look.
 */

/** A polite note (the look of @pixel/ui's Alert with tone "info"). */
export function InfoNote({ children }: { children: ReactNode }) {
  return (
    <div
      role="status"
      className="rounded-lg bg-indigo-50 px-3 py-2 text-sm text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
    >
      {children}
    </div>
  );
}

/** Nothing to show, and what to do about it (the look of @pixel/ui's EmptyState). */
export function EmptyResults({ icon, title, children }: { icon?: ReactNode; title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center rounded-xl border border-dashed border-slate-300 px-6 py-16 text-center dark:border-slate-700">
      {icon ? (
        <div className="mb-3 text-4xl" aria-hidden>
          {icon}
        </div>
      ) : null}
      <h2 className="text-base font-semibold text-slate-900 dark:text-slate-100">{title}</h2>
      {children ? <div className="mt-2 max-w-md text-sm text-slate-500 dark:text-slate-400">{children}</div> : null}
    </div>
  );
}

/** Class names joined, falsy ones left out. */
export function classes(...values: (string | false | null | undefined)[]): string {
  return values.filter(Boolean).join(" ");
}
