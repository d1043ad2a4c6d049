import { randomBytes } from "node:crypto";
import { Prisma, type PrismaClient } from "@pixel/db";
import { TRPCError } from "@trpc/server";
import {
  type DeploymentChannel,
  forgetDeployment,
  readRateLimits,
  readTheme,
} from "../../services/deployments/index.ts";
import type { OrganizationContext } from "../../trpc/types.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export const SLUG_TAKEN = "That address is taken";
export const NOT_PUBLISHED = "Publish the bot first";

/** What the list shows of a deployment; the settings JSON is left to `get`. */
export const deploymentSummarySelect = {
  id: true,
  name: true,
  slug: true,
  botId: true,
  flowVersionId: true,
  channels: true,
  environment: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  bot: {
    select: { name: true, versions: { select: { id: true, number: true }, orderBy: { number: "desc" }, take: 1 } },
  },
  flowVersion: { select: { number: true } },
  _count: { select: { apiKeys: { where: { revokedAt: null } } } },
} satisfies Prisma.DeploymentSelect;

type SummaryRow = Prisma.DeploymentGetPayload<{ select: typeof deploymentSummarySelect }>;

/**
 * The version a deployment serves: its pin, or "latest" with the number that resolves to today
 * (null when the bot has nothing published, which create refuses but a deleted version history could cause).
 */
export function versionServed(row: SummaryRow) {
  if (row.flowVersionId) {
    return { pinned: true as const, flowVersionId: row.flowVersionId, number: row.flowVersion?.number ?? null };
  }
  const latest = row.bot.versions[0];
  return { pinned: false as const, flowVersionId: latest?.id ?? null, number: latest?.number ?? null };
}

export function toSummary(row: SummaryRow) {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    botId: row.botId,
    botName: row.bot.name,
    version: versionServed(row),
    channels: row.channels as DeploymentChannel[],
    environment: row.environment,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    /** Keys not revoked. */
    keyCount: row._count.apiKeys,
  };
}
export type DeploymentSummary = ReturnType<typeof toSummary>;

/** Everything `get` returns: the summary plus the parsed settings and the bot's published versions (for the pin picker). */
export async function loadDeployment(db: Db, organizationId: string, deploymentId: string) {
  const row = await db.deployment.findFirst({
    where: { id: deploymentId, organizationId, bot: { deletedAt: null } },
    select: { ...deploymentSummarySelect, allowedDomains: true, rateLimits: true, theme: true },
  });
  if (!row) throw notFound();
  const versions = await db.flowVersion.findMany({
    where: { botId: row.botId, organizationId },
    orderBy: { number: "desc" },
    take: 200,
    select: { id: true, number: true, note: true, createdAt: true },
  });
  return {
    ...toSummary(row),
    allowedDomains: row.allowedDomains,
    rateLimits: readRateLimits(row.rateLimits),
    theme: readTheme(row.theme),
    versions,
  };
}
export type DeploymentDetail = Awaited<ReturnType<typeof loadDeployment>>;

/** A deployment of the caller's organization (whose bot is not deleted), or NOT_FOUND, also for another organization's id. */
export async function findDeployment(ctx: OrganizationContext, deploymentId: string) {
  const row = await ctx.prisma.deployment.findFirst({
    where: { id: deploymentId, organizationId: ctx.organizationId, bot: { deletedAt: null } },
  });
  if (!row) throw notFound();
  return row;
}

export function notFound() {
  return new TRPCError({ code: "NOT_FOUND", message: "Deployment not found." });
}

/**
 * A version to pin: it must be a published version of `botId`. Another organization's version is
 * NOT_FOUND (as if it did not exist); another bot's version of this organization is a BAD_REQUEST.
 */
export async function assertVersionOfBot(ctx: OrganizationContext, botId: string, flowVersionId: string) {
  const version = await ctx.prisma.flowVersion.findFirst({
    where: { id: flowVersionId, organizationId: ctx.organizationId },
    select: { id: true, botId: true, number: true },
  });
  if (!version) throw new TRPCError({ code: "NOT_FOUND", message: "Version not found." });
  if (version.botId !== botId) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "That version belongs to another bot: pick one of this bot's.",
    });
  }
  return version;
}

/** Channels in a stable order, each once. */
export function normalizeChannels(channels: readonly DeploymentChannel[]): DeploymentChannel[] {
  const chosen = new Set(channels);
  return (["hosted", "widget", "api", "openai"] as const).filter((c) => chosen.has(c));
}

/** Host patterns, each once, in the order given. */
export function normalizeDomains(domains: readonly string[]): string[] {
  return [...new Set(domains)];
}

export const SLUG_MIN = 3;
export const SLUG_MAX = 60;
const SUFFIX_LENGTH = 6;
const SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function randomSuffix(): string {
  const bytes = randomBytes(SUFFIX_LENGTH);
  return Array.from(bytes, (b) => SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length]).join("");
}

/** "Support Bot (EU)" → "support-bot-eu-k3x9qa": the name in slug form, plus a short random suffix. */
export function slugFromName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX - SUFFIX_LENGTH - 1)
    .replace(/-+$/g, "");
  return `${base || "chat"}-${randomSuffix()}`;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function slugTaken() {
  return new TRPCError({ code: "CONFLICT", message: SLUG_TAKEN });
}

/** Drops the cached resolution of every slug a change touched, so the next chat turn reads the database. */
export function forget(...slugs: (string | null | undefined)[]) {
  for (const slug of slugs) if (slug) forgetDeployment(slug);
}
