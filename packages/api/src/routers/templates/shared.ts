import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@pixel/db";
import { TEMPLATE_SEEDS } from "@pixel/flow";
import { TRPCError } from "@trpc/server";

type Db = PrismaClient | Prisma.TransactionClient;

/** What the dashboard lists of a template, and what publish/unpublish/archive answer with. */
export const templateSummarySelect = {
  id: true,
  slug: true,
  name: true,
  status: true,
  visibility: true,
  version: true,
  usageCount: true,
  ratingAverage: true,
  ratingCount: true,
  sourceBotId: true,
  updatedAt: true,
} satisfies Prisma.TemplateSelect;

export type TemplateSummary = Prisma.TemplateGetPayload<{ select: typeof templateSummarySelect }>;

/** One of the active organization's own templates, or NOT_FOUND (also for another organization's id). */
export async function findOwnTemplate(db: Db, organizationId: string, templateId: string) {
  const template = await db.template.findFirst({
    where: { id: templateId, organizationId },
    select: templateSummarySelect,
  });
  if (!template) throw new TRPCError({ code: "NOT_FOUND", message: "Template not found." });
  return template;
}

export function templateNotFound() {
  return new TRPCError({ code: "NOT_FOUND", message: "There is no template with this address." });
}

/** "1.0.0" → "1.1.0": a republish is a new minor version. Anything unreadable starts again at "1.1.0". */
export function nextMinorVersion(version: string): string {
  const parts = /^(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  if (!parts) return "1.1.0";
  return `${Number(parts[1])}.${Number(parts[2]) + 1}.0`;
}

/** "Support Bot – Ünïcode!" → "support-bot-unicode". */
export function slugBase(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/g, "") || "template"
  );
}

/** The seeded catalogue's slugs stay free for `pnpm db:seed`, even before it ran. */
const RESERVED_SLUGS = new Set(TEMPLATE_SEEDS.map((seed) => seed.slug));

/** A free slug from the name: the name itself, or with a short random suffix when taken. */
export async function freeTemplateSlug(db: Db, name: string): Promise<string> {
  const base = slugBase(name);
  const candidates = [base, ...Array.from({ length: 5 }, () => `${base}-${randomBytes(3).toString("hex")}`)];
  for (const slug of candidates) {
    if (RESERVED_SLUGS.has(slug)) continue;
    const taken = await db.template.findUnique({ where: { slug }, select: { id: true } });
    if (!taken) return slug;
  }
  // Six collisions in a row would mean something else is wrong; a long suffix cannot collide in practice.
  return `${base}-${randomBytes(8).toString("hex")}`;
}
