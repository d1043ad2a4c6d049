"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { DocSection } from "../content/pages.ts";

/**
 * The sidebar: always visible from the md breakpoint up; below it, a "Menu" bar under the header
 * opens and closes the same list (Escape closes it and returns focus to the button).
 */
export function Sidebar({ sections }: { sections: DocSection[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const navId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  const normalised = pathname.endsWith("/") ? pathname : `${pathname}/`;
  const current = sections.flatMap((section) => section.pages).find((page) => normalised === `/${page.slug}/`);

  // Close the menu after navigating to another page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose when the path changes
  useEffect(() => {
    setOpen(false);
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <aside className="sticky top-14 z-20 bg-bg md:h-[calc(100dvh-3.5rem)] md:overflow-y-auto md:bg-transparent md:py-8">
      <div className="border-b border-line bg-bg px-4 py-2 md:hidden">
        <button
          ref={buttonRef}
          type="button"
          className="menu-button"
          aria-expanded={open}
          aria-controls={navId}
          onClick={() => setOpen((value) => !value)}
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            width="18"
            height="18"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.75"
            strokeLinecap="round"
          >
            {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 6h14M3 10h14M3 14h14" />}
          </svg>
          <span>Menu</span>
          {current ? <span className="truncate text-muted">/ {current.title}</span> : null}
        </button>
      </div>
      <nav
        id={navId}
        aria-label="Documentation"
        className={`${open ? "block" : "hidden"} max-h-[calc(100dvh-7rem)] overflow-y-auto border-b border-line px-4 py-4 md:block md:max-h-none md:overflow-visible md:border-0 md:p-0`}
      >
        <ul className="space-y-6">
          {sections.map((section) => (
            <li key={section.title}>
              <p
                id={`${navId}-${section.title}`}
                className="mb-2 px-3 text-xs font-semibold uppercase tracking-wider text-muted"
              >
                {section.title}
              </p>
              <ul className="space-y-0.5" aria-labelledby={`${navId}-${section.title}`}>
                {section.pages.map((page) => {
                  const active = current?.slug === page.slug;
                  return (
                    <li key={page.slug}>
                      <Link href={`/${page.slug}/`} className="nav-link" aria-current={active ? "page" : undefined}>
                        {page.title}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
