import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OnThisPage } from "../../components/OnThisPage.tsx";
import { findPage, href, neighbours, pages } from "../../content/pages.ts";
import { loadContent } from "../../lib/content.ts";
import { headingsOf } from "../../lib/headings.ts";

interface Props {
  params: Promise<{ slug: string }>;
}

export const dynamicParams = false;

export function generateStaticParams(): { slug: string }[] {
  return pages.map((page) => ({ slug: page.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = findPage((await params).slug);
  if (!page) return {};
  const { description } = await loadContent(page.slug);
  return { title: page.title, description };
}

export default async function DocPage({ params }: Props) {
  const { slug } = await params;
  const page = findPage(slug);
  if (!page) notFound();
  const { Content, description } = await loadContent(slug);
  const headings = await headingsOf(slug);
  const { previous, next } = neighbours(slug);

  return (
    <div className="xl:grid xl:grid-cols-[minmax(0,1fr)_13rem] xl:gap-10">
      <main id="content" tabIndex={-1} className="min-w-0 py-8 outline-none md:py-10">
        <p className="mb-2 text-sm font-medium text-accent">{page.section}</p>
        <article className="prose">
          <h1>{page.title}</h1>
          <p className="lead">{description}</p>
          <Content />
        </article>
        <nav aria-label="Previous and next pages" className="mt-14 grid gap-3 border-t border-line pt-6 sm:grid-cols-2">
          {previous ? (
            <Link href={href(previous)} className="pager-link">
              <span className="text-xs text-muted">Previous</span>
              <span className="font-medium">← {previous.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={href(next)} className="pager-link sm:text-right">
              <span className="text-xs text-muted">Next</span>
              <span className="font-medium">{next.title} →</span>
            </Link>
          ) : null}
        </nav>
      </main>
      <OnThisPage headings={headings} />
    </div>
  );
}
