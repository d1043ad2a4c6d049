import type { PrismaClient } from "@pixel/db";
import { ChatError } from "../../services/chat/index.ts";
import { originAllowed, type ResolvedDeployment } from "../../services/deployments/index.ts";

/** What every public chat endpoint receives from its route. */
export interface PublicChatRequestOptions {
  req: Request;
  prisma: PrismaClient;
  /** The deployment's slug, from the URL. */
  slug: string;
  /** The app's own URL (NEXTAUTH_URL): requests from its origin are the hosted page. */
  appUrl: string;
}

/** The end-user channels served here; the REST and OpenAI-compatible APIs have their own endpoints. */
export type PublicChannel = "hosted" | "widget";

export interface PublicCaller {
  channel: PublicChannel;
  /** The page's origin as the browser sent it; null when the request has none. */
  origin: string | null;
}

/**
 * The hosted page is the app's own origin. Browsers omit Origin on same-origin GET requests, so then
 * `sec-fetch-site: same-origin` (or, from browsers without Fetch metadata, a same-origin Referer) says so.
 * Everything else is a page embedding the widget.
 */
export function callerOf(req: Request, appUrl: string): PublicCaller {
  const appOrigin = originOf(appUrl);
  const origin = req.headers.get("origin");
  if (origin !== null) return { channel: origin === appOrigin ? "hosted" : "widget", origin };
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite === "same-origin") return { channel: "hosted", origin: null };
  const referer = req.headers.get("referer");
  if (!fetchSite && referer && originOf(referer) === appOrigin) return { channel: "hosted", origin: null };
  return { channel: "widget", origin: null };
}

/** Whether the caller's origin may read our answers (CORS): only widget pages on an allowed domain. */
export function mayReadAnswers(deployment: ResolvedDeployment, caller: PublicCaller): boolean {
  return (
    caller.channel === "widget" && caller.origin !== null && originAllowed(deployment.allowedDomains, caller.origin)
  );
}

/**
 * CORS headers of a response. `Vary: Origin` always (the answer depends on it); the allow header only
 * echoes an origin that may read the answer.
 */
export function corsHeaders(origin: string | null, allow: boolean): Record<string, string> {
  if (!allow || !origin) return { vary: "Origin" };
  return { vary: "Origin", "access-control-allow-origin": origin, "access-control-expose-headers": "Retry-After" };
}

/** The channel must be on in the deployment, and a widget page must be on one of its allowed domains. */
export function assertCallerAllowed(deployment: ResolvedDeployment, caller: PublicCaller): void {
  if (!deployment.channels.includes(caller.channel)) {
    throw new ChatError(403, "channel-disabled", "This chat is not available here.");
  }
  if (caller.channel === "widget" && !originAllowed(deployment.allowedDomains, caller.origin)) {
    throw new ChatError(403, "origin-not-allowed", "This site may not use this chat.");
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
