import type { PrismaClient } from "@pixel/db";
import { type FlowDocument, parseFlowDocument } from "@pixel/flow";
import { ChatError } from "../chat/errors.ts";
import {
  type DeploymentChannel,
  type DeploymentRateLimits,
  type DeploymentTheme,
  readRateLimits,
  readTheme,
} from "./settings.ts";

export interface ResolvedDeployment {
  id: string;
  organizationId: string;
  botId: string;
  slug: string;
  name: string;
  channels: DeploymentChannel[];
  environment: "staging" | "production";
  allowedDomains: string[];
  theme: DeploymentTheme;
  rateLimits: DeploymentRateLimits;
  versionId: string;
  versionNumber: number;
  flow: FlowDocument;
}

/** Deployments change rarely and turns are many: a short cache keeps the database out of most turns. */
const DEPLOYMENT_TTL_MS = 2_000;
const deploymentCache = new Map<string, { at: number; value: Promise<ResolvedDeployment> }>();
/** Published versions never change, so their parsed flows are kept (a bounded number of them). */
const flowCache = new Map<string, FlowDocument>();
const FLOW_CACHE_LIMIT = 200;

/**
 * The deployment behind a slug and the flow it serves: its pinned version, or the bot's latest published
 * one. Unknown → 404, paused → 423, nothing published → 409, with messages an end user can read.
 */
export function resolveDeployment(prisma: PrismaClient, slug: string): Promise<ResolvedDeployment> {
  const hit = deploymentCache.get(slug);
  if (hit && Date.now() - hit.at < DEPLOYMENT_TTL_MS) return hit.value;
  const value = load(prisma, slug);
  deploymentCache.set(slug, { at: Date.now(), value });
  value.catch(() => deploymentCache.delete(slug));
  return value;
}

/** After a change in this process (pause, re-pin), the next turn reads the database again. */
export function forgetDeployment(slug: string): void {
  deploymentCache.delete(slug);
}

async function load(prisma: PrismaClient, slug: string): Promise<ResolvedDeployment> {
  const row = await prisma.deployment.findUnique({
    where: { slug },
    select: {
      id: true,
      organizationId: true,
      botId: true,
      slug: true,
      name: true,
      channels: true,
      environment: true,
      status: true,
      allowedDomains: true,
      theme: true,
      rateLimits: true,
      flowVersionId: true,
      bot: { select: { deletedAt: true } },
    },
  });
  if (!row || row.bot.deletedAt) throw new ChatError(404, "deployment-not-found", "This chat does not exist.");
  if (row.status === "paused")
    throw new ChatError(423, "deployment-paused", "This chat is paused. Please try again later.");
  const version = row.flowVersionId
    ? await prisma.flowVersion.findUnique({ where: { id: row.flowVersionId }, select: { id: true, number: true } })
    : await prisma.flowVersion.findFirst({
        where: { botId: row.botId },
        orderBy: { number: "desc" },
        select: { id: true, number: true },
      });
  if (!version) throw new ChatError(409, "not-published", "This bot has no published version yet.");
  return {
    id: row.id,
    organizationId: row.organizationId,
    botId: row.botId,
    slug: row.slug,
    name: row.name,
    channels: row.channels as DeploymentChannel[],
    environment: row.environment,
    allowedDomains: row.allowedDomains,
    theme: readTheme(row.theme),
    rateLimits: readRateLimits(row.rateLimits),
    versionId: version.id,
    versionNumber: version.number,
    flow: await versionFlow(prisma, version.id),
  };
}

async function versionFlow(prisma: PrismaClient, versionId: string): Promise<FlowDocument> {
  const cached = flowCache.get(versionId);
  if (cached) return cached;
  const row = await prisma.flowVersion.findUniqueOrThrow({ where: { id: versionId }, select: { flow: true } });
  const parsed = parseFlowDocument(row.flow);
  if (!parsed.ok) throw new ChatError(409, "version-unreadable", "This bot's published version cannot be read.");
  if (flowCache.size >= FLOW_CACHE_LIMIT) flowCache.delete(flowCache.keys().next().value as string);
  flowCache.set(versionId, parsed.flow);
  return parsed.flow;
}
