import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { slugify } from "./slug.ts";

export interface Heading {
  id: string;
  text: string;
  level: 2 | 3;
}

/** Markdown heading text as it reads on the page: without code ticks, emphasis or link targets. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_]/g, "")
    .trim();
}

/** apps/docs/content, whether the build runs in apps/docs (pnpm --filter) or at the repository root. */
function contentDir(): string {
  const local = join(process.cwd(), "content");
  return existsSync(local) ? local : join(process.cwd(), "apps", "docs", "content");
}

/** The h2/h3 headings of an MDX page, read from its source at build time (code fences skipped). */
export async function headingsOf(slug: string): Promise<Heading[]> {
  const source = await readFile(join(contentDir(), `${slug}.mdx`), "utf8");
  const headings: Heading[] = [];
  let inFence = false;
  for (const line of source.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const text = plain(match[2]);
    headings.push({ id: slugify(text), text, level: match[1].length === 2 ? 2 : 3 });
  }
  return headings;
}
