import { hasSearchableWord } from "./stop-words.ts";
import {
  COMPLEXITIES,
  type Complexity,
  GALLERY_SORTS,
  type GalleryQuery,
  type GallerySort,
  type ParsedGalleryQuery,
  PRICE_TIERS,
  type PriceTier,
} from "./types.ts";

/** The longest search kept; longer text is cut at a word boundary. */
export const MAX_SEARCH_CHARS = 200;
/** Category, industry and use-case values are catalogue keys or short labels. */
export const MAX_FILTER_CHARS = 80;
/** Far beyond any real catalogue (24 per page); a bigger number is a typo or a probe. */
export const MAX_PAGE = 1_000;

type Params = Record<string, string | string[] | undefined>;

/** C0/C1 control characters except the ordinary white space a pasted search may contain. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, "g");
const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/;

/** A parameter value echoed in a notice: printable, short, quoted. */
function shown(value: string): string {
  const clean = value.replace(CONTROL_CHARACTERS, "").trim();
  return JSON.stringify(clean.length > 40 ? `${clean.slice(0, 39)}…` : clean);
}

/** The first value of a parameter (`?tag=a&tag=b` arrives as an array); a notice when several differ. */
function single(params: Params, key: string, notices: string[]): string | undefined {
  const raw: unknown = Object.hasOwn(params, key) ? params[key] : undefined;
  if (typeof raw === "string") return raw;
  if (!Array.isArray(raw)) return undefined;
  const values = raw.filter((value): value is string => typeof value === "string");
  if (new Set(values).size > 1) {
    notices.push(`Several values for "${key}" were given — using the first, ${shown(values[0] ?? "")}.`);
  }
  return values[0];
}

function parseSearch(raw: string | undefined, notices: string[]): string | undefined {
  if (raw === undefined) return undefined;
  let text = raw;
  if (CONTROL_CHARACTER.test(text)) {
    notices.push("Control characters were removed from the search.");
    text = text.replace(CONTROL_CHARACTERS, " ");
  }
  text = text.replace(/\s+/g, " ").trim();
  if (text.length > MAX_SEARCH_CHARS) {
    const cut = text.slice(0, MAX_SEARCH_CHARS);
    const space = cut.lastIndexOf(" ");
    text = (space > MAX_SEARCH_CHARS / 2 ? cut.slice(0, space) : cut).trim();
    notices.push(`The search was too long and was cut to ${MAX_SEARCH_CHARS} characters.`);
  }
  if (!text) return undefined;
  if (!hasSearchableWord(text)) {
    notices.push(
      `The search ${shown(text)} has no words to look for (only very common words or symbols) — showing all templates.`,
    );
    return undefined;
  }
  return text;
}

/** A free-text filter (category, industry, use case): trimmed, short, printable. */
function parseLabel(key: string, raw: string | undefined, notices: string[]): string | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim();
  if (!value) return undefined;
  if (value.length > MAX_FILTER_CHARS || CONTROL_CHARACTER.test(value)) {
    notices.push(`The ${key} filter ${shown(value)} is not a valid value and was ignored.`);
    return undefined;
  }
  return value;
}

function parseChoice<T extends string>(
  raw: string | undefined,
  choices: readonly T[],
  unknown: (value: string) => string,
  notices: string[],
): T | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim().toLowerCase();
  if (!value) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  notices.push(unknown(raw));
  return undefined;
}

function parseLanguage(raw: string | undefined, notices: string[]): string | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim().toLowerCase().replace(/_/g, "-");
  if (!value) return undefined;
  if (LANGUAGE_CODE.test(value)) return value;
  notices.push(`The language ${shown(raw)} is not a language code (such as "en" or "pt-br") and was ignored.`);
  return undefined;
}

function parsePage(raw: string | undefined, notices: string[]): number {
  if (raw === undefined || raw.trim() === "") return 1;
  const value = raw.trim();
  if (!/^\d+$/.test(value)) {
    notices.push(`The page ${shown(value)} is not a number — showing page 1.`);
    return 1;
  }
  const page = Number(value);
  if (page < 1) {
    notices.push("Pages start at 1 — showing page 1.");
    return 1;
  }
  if (page > MAX_PAGE) {
    notices.push(`There are at most ${MAX_PAGE} pages — showing page ${MAX_PAGE}.`);
    return MAX_PAGE;
  }
  return page;
}

/**
 * The gallery's URL parameters (q, category, industry, useCase, complexity, priceTier, language, sort, page)
 * as a GalleryQuery. Never throws: anything malformed is dropped or clamped, with a notice a person can read.
 * Unknown parameters (e.g. utm_source) are ignored without a word.
 */
export function parseGalleryQuery(params: Params): ParsedGalleryQuery {
  const notices: string[] = [];
  const source: Params = params && typeof params === "object" ? params : {};
  const read = (key: string) => single(source, key, notices);
  const q = parseSearch(read("q"), notices);
  const query: GalleryQuery = { page: 1 };
  if (q) query.q = q;
  const category = parseLabel("category", read("category"), notices);
  if (category) query.category = category;
  const industry = parseLabel("industry", read("industry"), notices);
  if (industry) query.industry = industry;
  const useCase = parseLabel("use case", read("useCase"), notices);
  if (useCase) query.useCase = useCase;
  const complexity = parseChoice<Complexity>(
    read("complexity"),
    COMPLEXITIES,
    (value) => `Unknown complexity ${shown(value)} — showing every level (${COMPLEXITIES.join(", ")}).`,
    notices,
  );
  if (complexity) query.complexity = complexity;
  const priceTier = parseChoice<PriceTier>(
    read("priceTier"),
    PRICE_TIERS,
    (value) => `Unknown price tier ${shown(value)} — showing every tier (${PRICE_TIERS.join(", ")}).`,
    notices,
  );
  if (priceTier) query.priceTier = priceTier;
  const language = parseLanguage(read("language"), notices);
  if (language) query.language = language;
  const sort = parseChoice<GallerySort>(
    read("sort"),
    GALLERY_SORTS,
    (value) => `Unknown sort ${shown(value)} — showing ${q ? "the best matches" : "featured templates"} first.`,
    notices,
  );
  if (sort) query.sort = sort;
  query.page = parsePage(read("page"), notices);
  return { query, notices };
}
