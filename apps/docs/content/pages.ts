/**
 * The page registry: it drives the sidebar, the page titles, the previous/next links and the list of
 * static pages. To add a page, add one line here and a `content/<slug>.mdx` file (which exports a
 * one-sentence `description`). Sections appear in the sidebar in the order of their first page.
 */
export interface DocPage {
  slug: string;
  title: string;
  section: string;
}

export const pages: readonly DocPage[] = [
  { slug: "getting-started", title: "Getting started", section: "Start here" },
  { slug: "architecture", title: "Architecture", section: "Concepts" },
  { slug: "flow-language", title: "Flow language", section: "Concepts" },
  { slug: "designer", title: "Using the flow designer", section: "Building bots" },
  { slug: "designer-shortcuts", title: "Keyboard shortcuts", section: "Building bots" },
  { slug: "versions", title: "Versions", section: "Building bots" },
  { slug: "using-templates", title: "Using templates", section: "Templates" },
  { slug: "publishing-templates", title: "Publishing a template", section: "Templates" },
  { slug: "ai-providers", title: "AI providers", section: "AI" },
  { slug: "keys-and-security", title: "Keys and security", section: "AI" },
  { slug: "fallback", title: "Fallback", section: "AI" },
  { slug: "budgets", title: "Budgets", section: "AI" },
  { slug: "deploying", title: "Deploying a bot", section: "Deploy" },
  { slug: "embedding", title: "Embedding the chat widget", section: "Deploy" },
  { slug: "node-reference", title: "Node reference", section: "Reference" },
  { slug: "configuration", title: "Configuration", section: "Reference" },
  { slug: "api", title: "API", section: "Reference" },
  { slug: "rest-api", title: "REST API", section: "Reference" },
  { slug: "openai-compatible", title: "OpenAI-compatible API", section: "Reference" },
  { slug: "self-hosting", title: "Self-hosting", section: "Operations" },
];

export interface DocSection {
  title: string;
  pages: DocPage[];
}

/** Pages grouped by section, sections in order of first appearance. */
export function sections(): DocSection[] {
  const bySection = new Map<string, DocPage[]>();
  for (const page of pages) {
    const list = bySection.get(page.section);
    if (list) list.push(page);
    else bySection.set(page.section, [page]);
  }
  return [...bySection].map(([title, list]) => ({ title, pages: list }));
}

export function findPage(slug: string): DocPage | undefined {
  return pages.find((page) => page.slug === slug);
}

/** The pages before and after `slug` in reading order. */
export function neighbours(slug: string): { previous?: DocPage; next?: DocPage } {
  const index = pages.findIndex((page) => page.slug === slug);
  if (index === -1) return {};
  return { previous: pages[index - 1], next: pages[index + 1] };
}

export function href(page: DocPage): string {
  return `/${page.slug}/`;
}
