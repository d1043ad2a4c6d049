import { describe, expect, it } from "vitest";
import { MAX_PAGE, MAX_SEARCH_CHARS, parseGalleryQuery } from "../../src/services/templates/parse-query.ts";
import { GALLERY_SORTS } from "../../src/services/templates/types.ts";

describe("parseGalleryQuery", () => {
  it("reads every parameter of a well-formed URL", () => {
    const parsed = parseGalleryQuery({
      q: "  cash   flow ",
      category: "finance_accounting",
      industry: "cross_industry",
      useCase: "bookkeeping",
      complexity: "Advanced",
      priceTier: "pro",
      language: "pt_BR",
      sort: "rating",
      page: "3",
      utm_source: "newsletter",
    });
    expect(parsed).toEqual({
      query: {
        q: "cash flow",
        category: "finance_accounting",
        industry: "cross_industry",
        useCase: "bookkeeping",
        complexity: "advanced",
        priceTier: "pro",
        language: "pt-br",
        sort: "rating",
        page: 3,
      },
      notices: [],
    });
  });

  it("gives page 1 and no filters for an empty URL", () => {
    expect(parseGalleryQuery({})).toEqual({ query: { page: 1 }, notices: [] });
    expect(parseGalleryQuery({ q: "   ", category: "", page: "" })).toEqual({ query: { page: 1 }, notices: [] });
  });

  it("drops unknown choices with a notice naming the value", () => {
    const parsed = parseGalleryQuery({ sort: "cheapest", complexity: "guru", priceTier: "gold" });
    expect(parsed.query).toEqual({ page: 1 });
    expect(parsed.notices).toEqual([
      'Unknown complexity "guru" — showing every level (beginner, intermediate, advanced).',
      'Unknown price tier "gold" — showing every tier (free, pro, enterprise).',
      'Unknown sort "cheapest" — showing featured templates first.',
    ]);
    expect(parseGalleryQuery({ q: "tax", sort: "x" }).notices).toEqual([
      'Unknown sort "x" — showing the best matches first.',
    ]);
  });

  it.each([
    ["abc", 1, /not a number/],
    ["2.5", 1, /not a number/],
    ["-3", 1, /not a number/],
    ["0", 1, /start at 1/],
    ["99999999999999999999999", MAX_PAGE, /at most/],
  ])("page %j → %d with a notice", (page, expected, notice) => {
    const parsed = parseGalleryQuery({ page });
    expect(parsed.query.page).toBe(expected);
    expect(parsed.notices).toHaveLength(1);
    expect(parsed.notices[0]).toMatch(notice);
  });

  it("cuts an over-long search at a word boundary and removes control characters", () => {
    const long = parseGalleryQuery({ q: "budget ".repeat(100) });
    expect(long.query.q?.length).toBeLessThanOrEqual(MAX_SEARCH_CHARS);
    expect(long.query.q?.endsWith("budget")).toBe(true);
    expect(long.notices).toEqual([`The search was too long and was cut to ${MAX_SEARCH_CHARS} characters.`]);

    const control = parseGalleryQuery({ q: "tax\u0000\u0002 return\u0007" });
    expect(control.query.q).toBe("tax return");
    expect(control.notices).toEqual(["Control characters were removed from the search."]);
  });

  it("drops a search of stop words or symbols only, saying so", () => {
    for (const q of ["the and of", "!!! ???", "don't", "-"]) {
      const parsed = parseGalleryQuery({ q });
      expect(parsed.query.q, q).toBeUndefined();
      expect(parsed.notices[0], q).toMatch(/has no words to look for/);
    }
    // Operators and quotes are fine: websearch_to_tsquery reads them.
    expect(parseGalleryQuery({ q: '"cash flow" or -tax' }).query.q).toBe('"cash flow" or -tax');
  });

  it("refuses filter values that are too long or hold control characters, and bad language codes", () => {
    const parsed = parseGalleryQuery({ category: "x".repeat(81), industry: "re\u0000tail", language: "english!" });
    expect(parsed.query).toEqual({ page: 1 });
    expect(parsed.notices).toHaveLength(3);
    expect(parsed.notices.join(" ")).toMatch(/category filter .* ignored/);
    expect(parsed.notices.join(" ")).toMatch(/not a language code/);
  });

  it("uses the first of repeated parameters and says so when they differ", () => {
    const parsed = parseGalleryQuery({ sort: ["used", "rating"], category: ["a", "a"] });
    expect(parsed.query).toMatchObject({ sort: "used", category: "a" });
    expect(parsed.notices).toEqual(['Several values for "sort" were given — using the first, "used".']);
  });

  it("keeps notices printable and short even for hostile values", () => {
    const parsed = parseGalleryQuery({ sort: `\u0000${"<script>".repeat(20)}` });
    expect(parsed.notices).toHaveLength(1);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting there are none
    expect(parsed.notices[0]).not.toMatch(/[\u0000-\u001f]/);
    expect(parsed.notices[0]?.length).toBeLessThan(120);
  });

  it("never throws, whatever the URL holds (seeded random inputs)", () => {
    let seed = 0x5eed;
    const random = () => {
      // mulberry32: deterministic, so a failure reproduces.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const alphabet = [
      "a",
      "Z",
      "0",
      "9",
      " ",
      "-",
      "_",
      '"',
      "'",
      "&",
      "|",
      "!",
      "(",
      ")",
      ":",
      "*",
      "\\",
      "%",
      "\u0000",
      "\u0002",
      "\u0003",
      "\u001f",
      "\u007f",
      "é",
      "字",
      "🚀",
      "\n",
      "\t",
      ".",
      ",",
    ];
    const text = (max: number) =>
      Array.from({ length: Math.floor(random() * max) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
        "",
      );
    const keys = ["q", "category", "industry", "useCase", "complexity", "priceTier", "language", "sort", "page", "x"];
    const value = () => {
      const r = random();
      if (r < 0.1) return undefined;
      if (r < 0.2) return [text(20), text(20)];
      if (r < 0.3) return GALLERY_SORTS[Math.floor(random() * GALLERY_SORTS.length)];
      if (r < 0.4) return String(Math.floor(random() * 3_000) - 10);
      return text(r < 0.5 ? 400 : 30);
    };
    for (let i = 0; i < 2_000; i++) {
      const params: Record<string, string | string[] | undefined> = {};
      for (const key of keys) if (random() < 0.6) params[key] = value();
      const { query, notices } = parseGalleryQuery(params);
      expect(Number.isInteger(query.page) && query.page >= 1 && query.page <= MAX_PAGE).toBe(true);
      if (query.q !== undefined) {
        expect(query.q.length).toBeGreaterThan(0);
        expect(query.q.length).toBeLessThanOrEqual(MAX_SEARCH_CHARS);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting there are none
        expect(query.q).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
      }
      for (const notice of notices) expect(typeof notice).toBe("string");
    }
    // Not even values of the wrong type (a caller passing something that is not a URL parameter).
    expect(() => parseGalleryQuery({ q: 42 as unknown as string, sort: [null] as unknown as string[] })).not.toThrow();
    expect(() => parseGalleryQuery(null as unknown as Record<string, string>)).not.toThrow();
  });
});
