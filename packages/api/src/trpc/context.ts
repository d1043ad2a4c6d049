import type { PrismaClient } from "@pixel/db";
import { hashToken } from "../lib/secrets.ts";

/** Who is calling: a signed-in user (session cookie) or a personal API token. */
export interface Actor {
  userId: string;
  email: string;
  via: "session" | "token";
  /** A token works only inside the organization it was created in. */
  tokenOrganizationId?: string;
}

export interface Context {
  prisma: PrismaClient;
  actor: Actor | null;
  /** The organization the client asks to act in (header or cookie); checked against memberships, never trusted. */
  requestedOrganizationId: string | null;
  ip: string;
  appUrl: string;
}

export const ORGANIZATION_HEADER = "x-pixel-organization";
export const ORGANIZATION_COOKIE = "pixel_org";

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "127.0.0.1";
}

export interface CreateContextInput {
  prisma: PrismaClient;
  headers: Headers;
  /** The next-auth session's user, when the request carries a session cookie. */
  sessionUser: { id: string; email: string } | null;
  appUrl: string;
}

export class InvalidTokenError extends Error {}

/** Resolves the actor. A bearer token, when present, wins over the cookie and must be valid. */
export async function createContext(input: CreateContextInput): Promise<Context> {
  const { prisma, headers } = input;
  let actor: Actor | null = input.sessionUser
    ? { userId: input.sessionUser.id, email: input.sessionUser.email, via: "session" }
    : null;

  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const token = authorization.slice(7).trim();
    const row = await prisma.apiToken.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { user: { select: { id: true, email: true } } },
    });
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date())) {
      throw new InvalidTokenError("The API token is invalid, expired or revoked.");
    }
    // lastUsedAt is informational: don't make the request wait for it.
    void prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
    actor = { userId: row.user.id, email: row.user.email, via: "token", tokenOrganizationId: row.organizationId };
  }

  const requestedOrganizationId =
    headers.get(ORGANIZATION_HEADER) || readCookie(headers.get("cookie"), ORGANIZATION_COOKIE) || null;
  return { prisma, actor, requestedOrganizationId, ip: clientIp(headers), appUrl: input.appUrl };
}
