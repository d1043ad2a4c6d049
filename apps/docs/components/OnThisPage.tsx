import type { Heading } from "../lib/headings.ts";

/** "On this page": the h2/h3 headings of the article, beside it on wide screens. Rendered at build time. */
export function OnThisPage({ headings }: { headings: Heading[] }) {
  return (
    <aside className="hidden xl:block">
      {headings.length > 0 ? (
        <nav
          aria-label="On this page"
          className="sticky top-14 max-h-[calc(100dvh-3.5rem)] overflow-y-auto py-10 text-sm"
        >
          <p className="mb-3 text-xs font-semibold uppercase tracking-wider text-muted">On this page</p>
          <ul className="space-y-2 border-l border-line">
            {headings.map((heading) => (
              <li key={heading.id} className={heading.level === 3 ? "pl-6" : "pl-3"}>
                <a href={`#${heading.id}`} className="toc-link">
                  {heading.text}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </aside>
  );
}
