import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../src/markdown.ts";

/** Every tag in the output: only these may ever appear. */
const ALLOWED =
  /^<\/?(p|br|strong|em|code|pre|ul|ol|li|a)( href="https?:\/\/[^"<>\s]*" target="_blank" rel="noopener noreferrer")?>$/;
const tags = (html: string) => html.match(/<[^>]*>/g) ?? [];

function expectSafe(html: string) {
  for (const tag of tags(html)) expect(tag).toMatch(ALLOWED);
  expect(html).not.toMatch(/<(?!\/?(p|br|strong|em|code|pre|ul|ol|li|a)[\s>])/);
}

describe("renderMarkdown", () => {
  it("renders the subset", () => {
    expect(renderMarkdown("**Hi** *there* _you_ `x<y`")).toBe(
      "<p><strong>Hi</strong> <em>there</em> <em>you</em> <code>x&lt;y</code></p>",
    );
    expect(renderMarkdown("a\nb\n\nc")).toBe("<p>a<br>b</p><p>c</p>");
    expect(renderMarkdown("Steps:\n- one\n- **two**\n\n1. a\n2) b")).toBe(
      "<p>Steps:</p><ul><li>one</li><li><strong>two</strong></li></ul><ol><li>a</li><li>b</li></ol>",
    );
    expect(renderMarkdown("# Title\n```\n<b>raw</b>\n```")).toBe(
      "<p><strong>Title</strong></p><pre><code>&lt;b&gt;raw&lt;/b&gt;</code></pre>",
    );
    expect(renderMarkdown("snake_case_name and 2 * 3 * 4")).toBe("<p>snake_case_name and 2 * 3 * 4</p>");
  });

  it("links http(s) only, in a new tab without opener", () => {
    expect(renderMarkdown("[Docs](https://ex.com/a?b=1&c=2) and https://ex.com/x.")).toBe(
      '<p><a href="https://ex.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">Docs</a> and ' +
        '<a href="https://ex.com/x" target="_blank" rel="noopener noreferrer">https://ex.com/x</a>.</p>',
    );
    for (const text of [
      "[x](javascript:alert(1))",
      "[x](JaVaScRiPt:alert(1))",
      "[x](data:text/html,<script>alert(1)</script>)",
      "[x]( javascript:alert(1))",
      "[x](vbscript:msgbox)",
    ]) {
      const html = renderMarkdown(text);
      expect(html).not.toContain("<a");
      expectSafe(html);
    }
  });

  it("escapes HTML and attribute breakouts", () => {
    const attacks = [
      '<img src=x onerror="alert(1)">',
      "<script>alert(1)</script>",
      "<svg/onload=alert(1)>",
      '[a](https://x.com/" onmouseover="alert(1))',
      "[a](https://x.com/'onmouseover='alert(1))",
      "[<img src=x onerror=alert(1)>](https://x.com)",
      'https://x.com/"><script>alert(1)</script>',
      "**<img src=x onerror=alert(1)>**",
      "[**[x](javascript:alert(1))**](https://ok.com)",
      "`<iframe src=javascript:alert(1)>`",
      "- <a href=javascript:alert(1)>x</a>\n- ok",
      "```\n</code></pre><img src=x onerror=alert(1)>\n```",
      "&lt;script&gt; \uE0000\uE000",
    ];
    for (const text of attacks) {
      const html = renderMarkdown(text);
      expectSafe(html);
      expect(html).not.toMatch(/<(img|script|svg|iframe)/i);
    }
    expect(renderMarkdown('<img src=x onerror="alert(1)">')).toBe(
      "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>",
    );
    expect(renderMarkdown("&lt;b&gt;")).toBe("<p>&amp;lt;b&amp;gt;</p>");
  });
});
