import { LayoutTemplate } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/logo";
import { ThemeToggle } from "@/components/theme-toggle";
import { loadVisitor } from "./viewer";

/** The public gallery's frame: the landing page's header (with the way to the dashboard when signed in). */
export default async function TemplatesLayout({ children }: { children: ReactNode }) {
  const { user } = await loadVisitor();
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-950/80">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-3 sm:px-6">
          <Logo />
          <nav className="flex items-center gap-1 text-sm sm:gap-2" aria-label="Site">
            <Link
              href="/templates"
              className="hidden items-center gap-1.5 rounded-lg px-3 py-2 font-medium text-indigo-700 hover:bg-slate-100 sm:inline-flex dark:text-indigo-300 dark:hover:bg-slate-800"
            >
              <LayoutTemplate className="size-4" aria-hidden />
              Templates
            </Link>
            <ThemeToggle />
            {user ? (
              <Link
                href="/app"
                className="rounded-lg bg-indigo-600 px-3 py-2 font-medium text-white hover:bg-indigo-500"
              >
                Dashboard
              </Link>
            ) : (
              <>
                <Link
                  href="/sign-in?callbackUrl=/templates"
                  className="rounded-lg px-3 py-2 font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
                >
                  Sign in
                </Link>
                <Link
                  href="/sign-up?callbackUrl=/templates"
                  className="hidden rounded-lg bg-indigo-600 px-3 py-2 font-medium text-white hover:bg-indigo-500 sm:inline-block"
                >
                  Get started
                </Link>
              </>
            )}
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-10">
        {children}
      </main>
      <footer className="border-t border-slate-200 py-6 text-center text-xs text-slate-500 dark:border-slate-800">
        Pixel AI Creator — open-source chatbot platform ·{" "}
        <Link href="/" className="underline hover:text-slate-700 dark:hover:text-slate-300">
          Home
        </Link>
      </footer>
    </div>
  );
}
