import type { Complexity, GallerySort, PriceTier } from "@pixel/api";

/**
 * Words a person reads in the gallery for the catalogue's keys ("financial_services" → "Financial services"),
 * languages, levels and durations. Pure: used by server pages and client components alike.
 */

/** Complexity levels and price tiers in their natural order (the API's lists, without importing the server package). */
export const COMPLEXITY_OPTIONS = ["beginner", "intermediate", "advanced"] as const satisfies readonly Complexity[];
export const PRICE_TIER_OPTIONS = ["free", "pro", "enterprise"] as const satisfies readonly PriceTier[];

const COMPLEXITY_LABELS: Record<string, string> = {
  beginner: "Beginner",
  intermediate: "Intermediate",
  advanced: "Advanced",
};
const PRICE_TIER_LABELS: Record<string, string> = { free: "Free", pro: "Pro", enterprise: "Enterprise" };

export const SORT_LABELS: Record<GallerySort, string> = {
  featured: "Featured",
  rating: "Top rated",
  used: "Most used",
  newest: "Newest",
};

/** Short words that read as initials. */
const ACRONYMS = new Set(["ai", "api", "b2b", "b2c", "cpa", "crm", "faq", "hr", "it", "kpi", "mcp", "pm", "seo", "ux"]);

/**
 * A catalogue key as words: "financial_services" → "Financial services", "hr_people_ops" → "HR people ops".
 * Labels a publisher typed ("Customer support") stay as they are, apart from the first capital.
 */
export function labelOf(value: string): string {
  const words = value
    .trim()
    .split(/[\s_]+/)
    .filter(Boolean)
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A tag as it reads on a card: "financial_analysis" → "financial analysis". */
export function tagLabel(tag: string): string {
  return tag.replace(/_+/g, " ").trim();
}

export function complexityLabel(value: string): string {
  return COMPLEXITY_LABELS[value] ?? labelOf(value);
}

export function priceTierLabel(value: string): string {
  return PRICE_TIER_LABELS[value] ?? labelOf(value);
}

let languageNames: Intl.DisplayNames | null | undefined;

/** "en" → "English", "pt-br" → "Brazilian Portuguese"; an unknown code stays as it is. */
export function languageName(code: string): string {
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames(["en"], { type: "language" });
    } catch {
      languageNames = null;
    }
  }
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** 5 → "5 min", 90 → "1 h 30 min", 120 → "2 h". */
export function formatSetupTime(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes <= 0) return "—";
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** 4.333 → "4.3"; no ratings → "No ratings yet" is said by the caller. */
export function formatRating(average: number): string {
  return (Math.round(average * 10) / 10).toFixed(1);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${new Intl.NumberFormat("en-US").format(count)} ${count === 1 ? one : many}`;
}

const HEX_COLOR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** The card's backdrop from the template's theme colours; anything that is not a hex colour falls back to indigo. */
export function visualBackground(colors: { primary: string; accent: string } | null): string {
  const primary = colors && HEX_COLOR.test(colors.primary) ? colors.primary : "#4f46e5";
  const accent = colors && HEX_COLOR.test(colors.accent) ? colors.accent : "#a5b4fc";
  return `linear-gradient(135deg, ${primary}, ${accent})`;
}

/** The theme's primary colour when it is a hex colour (for the preview chat's header), else undefined. */
export function primaryColor(colors: { primary: string } | null): string | undefined {
  return colors && HEX_COLOR.test(colors.primary) ? colors.primary : undefined;
}
