/**
 * A tiny, safe markdown subset for bot messages. Everything is HTML-escaped first; only then are tags
 * added: **bold**, *italic* / _italic_, `code`, [links](https://…) and bare http(s) URLs (http/https only,
 * opened in a new tab with rel="noopener noreferrer"), ``` code blocks, - / 1. lists, # headings (bold),
 * paragraphs and line breaks. No raw HTML, no images, no attributes other than the link's own.
 */

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESC[c] as string);

// Matched on escaped text: an URL stops at spaces, "<" and entities other than &amp; (a quote is &quot;).
const URL_CHARS = "(?:[^\\s<&]|&amp;)";
const LINK = new RegExp(`\\[([^\\]\\n]+)\\]\\((https?:\\/\\/${URL_CHARS}+?)\\)`, "g");
const BARE = new RegExp(`(^|[\\s(])(https?:\\/\\/${URL_CHARS}*[^\\s<&.,;:!?)'])`, "g");

const link = (href: string, label: string) =>
  `<a href="${href}" target="_blank" rel="noopener noreferrer">${label}</a>`;

const emphasis = (html: string) =>
  html
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, "<strong>$1</strong>")
    .replace(/__(?=\S)([^_]*?\S)__/g, "<strong>$1</strong>")
    .replace(/\*(?=\S)([^*]*?\S)\*/g, "<em>$1</em>")
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1<em>$2</em>");

/** One line (or list item) of already-escaped text. Code spans and links are set aside so nothing touches them. */
function inline(escaped: string): string {
  const kept: string[] = [];
  const keep = (html: string) => `\uE000${kept.push(html) - 1}\uE000`;
  const out = escaped
    .replace(/`([^`\n]+)`/g, (_, code: string) => keep(`<code>${code}</code>`))
    .replace(LINK, (_, label: string, href: string) => keep(link(href, emphasis(label))))
    .replace(BARE, (_, before: string, href: string) => before + keep(link(href, href)));
  return emphasis(out).replace(/\uE000(\d+)\uE000/g, (_, i: string) => kept[Number(i)] ?? "");
}

const ITEM = /^\s*(?:([-*+•])|(\d{1,3})[.)])\s+(.*)$/;

/** Markdown text → safe HTML. */
export function renderMarkdown(text: string): string {
  // U+E000 (private use) marks placeholders: it can never come from the text.
  const lines = escapeHtml(text.replace(/\uE000/g, "")).split(/\r?\n/);
  let html = "";
  let para: string[] = [];
  let list = null as { tag: "ul" | "ol"; items: string[] } | null;
  const flush = () => {
    if (para.length) html += `<p>${para.map(inline).join("<br>")}</p>`;
    if (list) html += `<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${list.tag}>`;
    para = [];
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*```/.test(line)) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !/^\s*```/.test(lines[i] as string)) code.push(lines[i] as string);
      html += `<pre><code>${code.join("\n")}</code></pre>`;
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      const tag = item[1] ? "ul" : "ol";
      if (para.length || list?.tag !== tag) flush();
      list ??= { tag, items: [] };
      list.items.push(item[3] as string);
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (list) flush();
    para.push(heading ? `**${heading[1]}**` : line);
  }
  flush();
  return html;
}
