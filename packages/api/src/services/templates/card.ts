import { Prisma } from "@pixel/db";
import type { GalleryCard } from "./types.ts";

/** A template row as the gallery's SQL selects it (the columns of CARD_COLUMNS). */
export interface CardRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  category: string;
  industry: string | null;
  useCase: string | null;
  tags: string[] | null;
  previewEmoji: string | null;
  previewImageUrl: string | null;
  themeColors: unknown;
  ratingAverage: number | string;
  ratingCount: number;
  usageCount: number;
  complexity: string;
  priceTier: string;
  setupMinutes: number;
  featured: boolean;
  premium: boolean;
  languages: string[] | null;
}

/** The card's columns of "Template" t (never the flow: it is large and the gallery does not need it). */
export const CARD_COLUMNS = Prisma.sql`t."id", t."slug", t."name", t."description", t."category", t."industry",
  t."useCase", t."tags", t."previewEmoji", t."previewImageUrl", t."themeColors", t."ratingAverage", t."ratingCount",
  t."usageCount", t."complexity", t."priceTier", t."setupMinutes", t."featured", t."premium", t."languages"`;

const HEX_COLOUR = /^#[0-9a-fA-F]{3,8}$/;

/** `{ primary, accent }` when the stored JSON has both as colours; anything else is dropped, not rendered. */
export function themeColorsOf(value: unknown): GalleryCard["themeColors"] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { primary, accent } = value as Record<string, unknown>;
  if (typeof primary !== "string" || typeof accent !== "string") return null;
  if (!HEX_COLOUR.test(primary) || !HEX_COLOUR.test(accent)) return null;
  return { primary, accent };
}

/** The stored average as a number (pages round it for display). */
export function ratingOf(value: number | string): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

export function toCard(row: CardRow, highlight: GalleryCard["highlight"] = null): GalleryCard {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    category: row.category,
    industry: row.industry,
    useCase: row.useCase,
    tags: row.tags ?? [],
    previewEmoji: row.previewEmoji,
    previewImageUrl: row.previewImageUrl,
    themeColors: themeColorsOf(row.themeColors),
    ratingAverage: ratingOf(row.ratingAverage),
    ratingCount: Number(row.ratingCount),
    usageCount: Number(row.usageCount),
    complexity: row.complexity,
    priceTier: row.priceTier,
    setupMinutes: Number(row.setupMinutes),
    featured: row.featured,
    premium: row.premium,
    languages: row.languages ?? [],
    highlight,
  };
}
