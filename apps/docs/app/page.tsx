import Link from "next/link";
import { href, pages } from "../content/pages.ts";
import { loadContent } from "../lib/content.ts";

export default async function Home() {
  const descriptions = await Promise.all(pages.map(async (page) => (await loadContent(page.slug)).description));
  return (
    <main id="content" tabIndex={-1} className="py-8 outline-none md:py-10">
      <div className="prose">
        <h1>Pixel AI Creator docs</h1>
        <p className="lead">
          Pixel AI Creator is an open-source platform to build, publish and run chatbots. Today it ships its foundation:
          accounts, organizations with roles, invitations, personal API tokens, an audit log and the typed API behind
          them. The flow designer, AI providers, deployments and the template gallery arrive in the next releases; these
          pages grow with them.
        </p>
        <p>
          It runs on your machine with two commands and no services to install: the app brings its own embedded
          PostgreSQL. Start with <Link href="/getting-started/">Getting started</Link>.
        </p>
      </div>
      <nav aria-label="All pages" className="mt-10 max-w-4xl">
        <ul className="grid gap-3 sm:grid-cols-2">
          {pages.map((page, index) => (
            <li key={page.slug}>
              <Link href={href(page)} className="card-link h-full">
                <span className="block text-xs font-semibold uppercase tracking-wider text-accent">{page.section}</span>
                <span className="mt-1 block font-semibold">{page.title}</span>
                <span className="mt-1 block text-sm leading-relaxed text-muted">{descriptions[index]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </main>
  );
}
