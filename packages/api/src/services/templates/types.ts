/**
 * The template gallery's shapes, shared by the API (services/templates, routers/templates) and the web pages.
 */

export const GALLERY_SORTS = ["featured", "rating", "used", "newest"] as const;
export type GallerySort = (typeof GALLERY_SORTS)[number];
export const COMPLEXITIES = ["beginner", "intermediate", "advanced"] as const;
export type Complexity = (typeof COMPLEXITIES)[number];
export const PRICE_TIERS = ["free", "pro", "enterprise"] as const;
export type PriceTier = (typeof PRICE_TIERS)[number];
export const GALLERY_PAGE_SIZE = 24;

/** What the gallery is asked for, after parsing the URL (anything malformed is dropped with a notice). */
export interface GalleryQuery {
  /** Full-text search, trimmed, at most 200 characters; undefined = no search. */
  q?: string;
  category?: string;
  industry?: string;
  useCase?: string;
  complexity?: Complexity;
  priceTier?: PriceTier;
  /** A language code, e.g. "en". */
  language?: string;
  /** Default "featured"; with a search and no explicit sort, results are ranked by relevance. */
  sort?: GallerySort;
  /** 1-based. */
  page: number;
}

export interface ParsedGalleryQuery {
  query: GalleryQuery;
  /** Readable notes about parameters that were ignored, e.g. 'Unknown sort "x" — showing featured first.' */
  notices: string[];
}

/** A piece of highlighted text: `match` pieces are the words the search found (render in <mark>). */
export interface TextPiece {
  text: string;
  match: boolean;
}

export interface GalleryCard {
  id: string;
  slug: string;
  name: string;
  description: string;
  category: string;
  industry: string | null;
  useCase: string | null;
  tags: string[];
  previewEmoji: string | null;
  previewImageUrl: string | null;
  themeColors: { primary: string; accent: string } | null;
  ratingAverage: number;
  ratingCount: number;
  usageCount: number;
  complexity: string;
  priceTier: string;
  setupMinutes: number;
  featured: boolean;
  premium: boolean;
  languages: string[];
  /** Only with a search: name and description with the matches marked. */
  highlight: { name: TextPiece[]; description: TextPiece[] } | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface GalleryPage {
  query: GalleryQuery;
  items: GalleryCard[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** Values present among the templates the viewer can see (not narrowed by the current filters), with counts. */
  facets: {
    categories: FacetValue[];
    industries: FacetValue[];
    useCases: FacetValue[];
    complexities: FacetValue[];
    priceTiers: FacetValue[];
    languages: FacetValue[];
  };
}

/** Who is looking: anonymous visitors see public published templates; members also see their organizations' own. */
export interface GalleryViewer {
  userId: string | null;
  organizationIds: string[];
}

export interface TemplateDetail extends Omit<GalleryCard, "highlight"> {
  version: string;
  requiredIntegrations: string[];
  defaultLanguage: string;
  seoTitle: string | null;
  seoDescription: string | null;
  visibility: "public" | "organization";
  status: "draft" | "published" | "archived";
  /** The owner organization's name; null for the platform's own templates (seed 004). */
  ownerName: string | null;
  /** Expert personas of the flow (its expert-handoff / AI steps' experts), for "Expertise". */
  experts: { name: string; description: string | null }[];
  flow: unknown;
  /** The viewer's own rating (1–5) or null. */
  myRating: number | null;
  updatedAt: string;
}
