import type { ComponentType } from "react";

export interface PageContent {
  /** The rendered MDX page. */
  Content: ComponentType;
  /** One sentence under the title, in the page's metadata and on the home page. */
  description: string;
}

/** Loads `content/<slug>.mdx` (at build time: every page is static). */
export async function loadContent(slug: string): Promise<PageContent> {
  const module = (await import(`../content/${slug}.mdx`)) as { default: ComponentType; description?: unknown };
  if (typeof module.description !== "string") {
    throw new Error(`content/${slug}.mdx must export a one-sentence \`description\` string.`);
  }
  return { Content: module.default, description: module.description };
}
