import type { PrismaClient } from "@pixel/db";
import { consumeRateLimit } from "../../lib/rate-limit.ts";
import { hashToken } from "../../lib/secrets.ts";
import { ChatError } from "../../services/chat/index.ts";
import {
  type DeploymentChannel,
  type ResolvedDeployment,
  resolveDeployment,
} from "../../services/deployments/index.ts";

/** Deployment API keys read `pxd_…`; the dashboard shows them once and keeps their SHA-256. */
export const DEPLOYMENT_KEY_PREFIX = "pxd_";
/** lastUsedAt is written at most once a minute per key: a busy key must not write a row per request. */
const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_TOKEN_LENGTH = 200;

export interface ApiCaller {
  deployment: ResolvedDeployment;
  keyId: string;
}

const CHANNEL_NAMES: Record<"api" | "openai", string> = {
  api: "The REST API",
  openai: "The OpenAI-compatible API",
};

/**
 * The deployment behind `Authorization: Bearer pxd_…`: missing, unknown or revoked keys are 401; the
 * deployment must be servable (404 / 423 paused / 409 unpublished) and have `channel` on (403).
 */
export async function authenticateDeploymentKey(
  prisma: PrismaClient,
  req: Request,
  channel: "api" | "openai",
): Promise<ApiCaller> {
  const header = req.headers.get("authorization");
  if (!header?.trim()) {
    throw new ChatError(
      401,
      "missing-api-key",
      "No API key: send the deployment's key in the Authorization header, as `Bearer pxd_…`.",
    );
  }
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!token) {
    throw new ChatError(401, "invalid-api-key", "The Authorization header must read `Bearer pxd_…`.");
  }
  if (!token.startsWith(DEPLOYMENT_KEY_PREFIX) || token.length > MAX_TOKEN_LENGTH) {
    throw new ChatError(
      401,
      "invalid-api-key",
      "This is not a deployment API key: those start with `pxd_` (create one in the deployment's settings).",
    );
  }
  const key = await prisma.deploymentApiKey.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, deployment: { select: { slug: true } } },
  });
  if (!key) {
    throw new ChatError(401, "invalid-api-key", "The API key is not valid. Check that you copied the whole key.");
  }
  if (key.revokedAt) {
    throw new ChatError(
      401,
      "revoked-api-key",
      "This API key was revoked. Create a new one in the deployment's settings.",
    );
  }
  touch(prisma, key.id, key.lastUsedAt);
  const deployment = await resolveDeployment(prisma, key.deployment.slug);
  if (!(deployment.channels as DeploymentChannel[]).includes(channel)) {
    throw new ChatError(
      403,
      "channel-disabled",
      `${CHANNEL_NAMES[channel]} is turned off for this deployment. Turn on its "${channel}" channel in the deployment's settings.`,
    );
  }
  return { deployment, keyId: key.id };
}

/** Records the key's use without holding the request up; a failed write is only logged. */
function touch(prisma: PrismaClient, keyId: string, lastUsedAt: Date | null): void {
  const now = new Date();
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  void prisma.deploymentApiKey.update({ where: { id: keyId }, data: { lastUsedAt: now } }).catch((error: unknown) => {
    console.error(`[api/v1] could not record key use: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/**
 * The limits of a chat turn, shared with the hosted chat and the widget: per end user (when the caller
 * names one) and for the whole deployment, per minute.
 */
export async function consumeTurnLimits(deployment: ResolvedDeployment, endUserId: string | null): Promise<void> {
  const limits = deployment.rateLimits;
  if (endUserId) {
    await consumeRateLimit(
      "chat:user",
      { points: limits.perUserPerMinute, duration: 60 },
      `${deployment.id}:${endUserId}`,
    );
  }
  await consumeRateLimit("chat:deployment", { points: limits.perDeploymentPerMinute, duration: 60 }, deployment.id);
}

/** Reading a transcript costs no model call: its own budget, as large as the deployment's turn budget. */
export async function consumeReadLimit(deployment: ResolvedDeployment): Promise<void> {
  await consumeRateLimit(
    "api:read",
    { points: deployment.rateLimits.perDeploymentPerMinute, duration: 60 },
    deployment.id,
  );
}

/** End-user ids of both APIs share one namespace, apart from the hosted page's and the widget's. */
export function storedEndUserId(endUserId: string | null | undefined): string | null {
  return endUserId ? `api:${endUserId}` : null;
}
