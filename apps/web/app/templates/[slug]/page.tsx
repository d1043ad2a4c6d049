import { loadTemplateDetail, type TemplateDetail } from "@pixel/api";
import { getPrisma } from "@pixel/db";
import { type FlowDocument, nodeDefinition, parseFlowDocument } from "@pixel/flow";
import { ChevronRight, Clock, Crown, Gauge, Lock, Sparkles, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { cache } from "react";
import { appUrl } from "@/lib/auth";
import { InfoNote } from "../bits";
import { galleryHref } from "../gallery-url";
import {
  complexityLabel,
  formatSetupTime,
  labelOf,
  languageName,
  plural,
  priceTierLabel,
  primaryColor,
  tagLabel,
} from "../labels";
import { TemplateVisual } from "../template-card";
import { loadVisitor } from "../viewer";
import { FlowDiagram } from "./flow-diagram";
import { PreviewChat } from "./preview-chat";
import { RateTemplate } from "./rate-template";
import { UseTemplate } from "./use-template";

// Ratings, usage and visibility change at any time; the viewer's own rating is part of the page.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const load = cache(async (slug: string): Promise<TemplateDetail | null> => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    return null; // a malformed escape in the address: no such template
  }
  const { viewer } = await loadVisitor();
  return loadTemplateDetail(getPrisma(), decoded, viewer);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const template = await load((await params).slug);
  if (!template) return { title: "Template not found", robots: { index: false } };
  const title = template.seoTitle || template.name;
  const description = template.seoDescription || template.description;
  const url = `/templates/${template.slug}`;
  const isPublic = template.visibility === "public" && template.status === "published";
  return {
    metadataBase: new URL(appUrl()),
    title: { absolute: `${title} · Pixel AI Creator` },
    description,
    alternates: { canonical: url },
    ...(isPublic ? {} : { robots: { index: false, follow: false } }),
    openGraph: { type: "website", title, description, url, siteName: "Pixel AI Creator" },
    twitter: { card: "summary", title, description },
  };
}

/** The flow as the diagram needs it (read and migrated like any flow document), or null when it cannot be read. */
function readFlow(flow: unknown): FlowDocument | null {
  const parsed = parseFlowDocument(flow);
  return parsed.ok ? parsed.flow : null;
}

/** One template: what it does, who it is for, its flow, a live preview; use it and rate it. */
export default async function TemplatePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const template = await load(slug);
  if (!template) notFound();
  const { user } = await loadVisitor();
  const query = await searchParams;
  const flow = readFlow(template.flow);
  const published = template.status === "published";
  const here = `/templates/${template.slug}`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-slate-500 dark:text-slate-400">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link href="/templates" className="hover:text-slate-900 hover:underline dark:hover:text-slate-100">
              Templates
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="size-3.5" />
          </li>
          <li>
            <Link
              href={galleryHref({ category: template.category })}
              className="hover:text-slate-900 hover:underline dark:hover:text-slate-100"
            >
              {labelOf(template.category)}
            </Link>
          </li>
        </ol>
      </nav>

      <div className="grid gap-x-8 gap-y-6 lg:grid-cols-[minmax(0,1fr)_25rem]">
        <section aria-labelledby="template-name" className="min-w-0 lg:col-start-1">
          <div className="flex items-start gap-4">
            <TemplateVisual
              template={template}
              className="grid size-16 shrink-0 place-items-center overflow-hidden rounded-2xl shadow-sm sm:size-20"
              emojiClassName="text-4xl sm:text-5xl"
            />
            <div className="min-w-0">
              <h1 id="template-name" className="text-2xl font-bold tracking-tight sm:text-3xl">
                {template.name}
              </h1>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                {[template.category, template.industry, template.useCase]
                  .filter((value): value is string => Boolean(value))
                  .map(labelOf)
                  .join(" · ")}
              </p>
              <div className="mt-2 flex flex-wrap gap-1.5">
                {template.featured ? (
                  <Pill className="bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
                    <Sparkles className="size-3" aria-hidden /> Featured
                  </Pill>
                ) : null}
                {template.premium ? (
                  <Pill className="bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300">
                    <Crown className="size-3" aria-hidden /> Premium
                  </Pill>
                ) : null}
                {template.visibility === "organization" ? (
                  <Pill className="bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                    <Lock className="size-3" aria-hidden /> Only your organization
                  </Pill>
                ) : null}
              </div>
            </div>
          </div>

          {!published ? (
            <div className="mt-4">
              <InfoNote>
                {template.status === "archived"
                  ? "This template is archived: it is not in the gallery, and new bots cannot be made from it."
                  : "This template is unpublished: it is not in the gallery until it is published again."}{" "}
                Only members of {template.ownerName ?? "its organization"} see this page.
              </InfoNote>
            </div>
          ) : null}

          <p className="mt-5 text-base leading-relaxed whitespace-pre-line text-slate-700 dark:text-slate-300">
            {template.description}
          </p>

          <ul className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm text-slate-600 dark:text-slate-400">
            <li className="inline-flex items-center gap-1.5">
              <Users className="size-4" aria-hidden />
              {template.usageCount === 0 ? "Not used yet" : `Used ${plural(template.usageCount, "time")}`}
            </li>
            <li className="inline-flex items-center gap-1.5">
              <Gauge className="size-4" aria-hidden />
              {complexityLabel(template.complexity)}
            </li>
            <li className="inline-flex items-center gap-1.5">
              <Clock className="size-4" aria-hidden />
              Set up in {formatSetupTime(template.setupMinutes)}
            </li>
          </ul>

          <div className="mt-5 flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:flex-row sm:items-center sm:justify-between dark:border-slate-800 dark:bg-slate-900">
            <RateTemplate
              slug={template.slug}
              initial={{
                ratingAverage: template.ratingAverage,
                ratingCount: template.ratingCount,
                myRating: template.myRating,
              }}
              signInHref={user ? null : `/sign-in?callbackUrl=${encodeURIComponent(here)}`}
            />
            {published ? (
              <div className="shrink-0">
                <UseTemplate
                  slug={template.slug}
                  name={template.name}
                  signedIn={Boolean(user)}
                  autoOpen={query.use === "1"}
                />
              </div>
            ) : null}
          </div>
        </section>

        <aside aria-labelledby="preview-heading" className="min-w-0 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <div className="lg:sticky lg:top-6">
            <h2 id="preview-heading" className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">
              Try it
            </h2>
            {published ? (
              <div className="flex h-[32rem] flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm lg:h-[min(40rem,calc(100dvh-6rem))] dark:border-slate-800 dark:bg-slate-900">
                <PreviewChat
                  slug={template.slug}
                  title={template.name}
                  primaryColor={primaryColor(template.themeColors)}
                />
              </div>
            ) : (
              <p className="rounded-xl border border-dashed border-slate-300 p-6 text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
                The live preview runs for published templates only.
              </p>
            )}
            <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">A preview: nothing you type here is kept.</p>
          </div>
        </aside>

        <div className="min-w-0 space-y-8 lg:col-start-1">
          {template.experts.length ? (
            <Section title="Expertise">
              <ul className="grid gap-3 sm:grid-cols-2">
                {template.experts.map((expert) => (
                  <li
                    key={expert.name}
                    className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
                  >
                    <p className="font-medium text-slate-900 dark:text-slate-100">{expert.name}</p>
                    {expert.description ? (
                      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{expert.description}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}

          <Section title="Details">
            <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
              <Detail term="Category">{labelOf(template.category)}</Detail>
              {template.industry ? <Detail term="Industry">{labelOf(template.industry)}</Detail> : null}
              {template.useCase ? <Detail term="Use case">{labelOf(template.useCase)}</Detail> : null}
              <Detail term="Complexity">{complexityLabel(template.complexity)}</Detail>
              <Detail term="Price tier">{priceTierLabel(template.priceTier)}</Detail>
              <Detail term="Setup time">{formatSetupTime(template.setupMinutes)}</Detail>
              <Detail term="Languages">
                {template.languages
                  .map((code) =>
                    code === template.defaultLanguage && template.languages.length > 1
                      ? `${languageName(code)} (default)`
                      : languageName(code),
                  )
                  .join(", ")}
              </Detail>
              <Detail term="Required integrations">
                {template.requiredIntegrations.length ? template.requiredIntegrations.map(labelOf).join(", ") : "None"}
              </Detail>
              <Detail term="Version">{template.version}</Detail>
              <Detail term="Published by">{template.ownerName ?? "Pixel AI Creator"}</Detail>
              <Detail term="Updated">
                <time dateTime={template.updatedAt}>
                  {new Date(template.updatedAt).toLocaleDateString("en", { dateStyle: "medium" })}
                </time>
              </Detail>
            </dl>
          </Section>

          {template.tags.length ? (
            <Section title="Tags">
              <ul className="flex flex-wrap gap-2">
                {template.tags.map((tag) => (
                  <li key={tag}>
                    <Link
                      href={galleryHref({ q: tagLabel(tag) })}
                      className="inline-block rounded-md bg-slate-100 px-2 py-1 text-xs text-slate-700 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-300 dark:hover:bg-slate-700"
                    >
                      {tagLabel(tag)}
                    </Link>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}

          <Section title="How the conversation flows">
            {flow ? (
              <>
                <FlowDiagram nodes={flow.nodes} edges={flow.edges} />
                <details className="mt-3 text-sm">
                  <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">
                    The steps as a list ({flow.nodes.length})
                  </summary>
                  <ol className="mt-2 list-decimal space-y-1 pl-6 text-slate-600 dark:text-slate-400">
                    {flow.nodes.map((node) => (
                      <li key={node.id}>
                        <span className="text-slate-900 dark:text-slate-100">{node.name || node.id}</span>{" "}
                        <span className="text-xs">({nodeDefinition(node.type)?.label ?? node.type})</span>
                      </li>
                    ))}
                  </ol>
                </details>
              </>
            ) : (
              <p className="text-sm text-slate-500">This template's flow cannot be shown.</p>
            )}
          </Section>
        </div>
      </div>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2 className="mb-3 text-lg font-semibold tracking-tight">{title}</h2>
      {children}
    </section>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500 dark:text-slate-400">{term}</dt>
      <dd className="mt-0.5 text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

function Pill({ className, children }: { className: string; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${className}`}>
      {children}
    </span>
  );
}
