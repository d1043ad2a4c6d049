import { RateLimitedError } from "../../lib/rate-limit.ts";
import { ChatError, chatErrorResponse } from "../../services/chat/index.ts";
import { type ResolvedDeployment, resolveDeployment } from "../../services/deployments/index.ts";
import {
  assertCallerAllowed,
  callerOf,
  corsHeaders,
  mayReadAnswers,
  type PublicCaller,
  type PublicChatRequestOptions,
} from "./access.ts";

export interface PublicChatContext {
  deployment: ResolvedDeployment;
  caller: PublicCaller;
  /** CORS headers for every response of this request, errors included. */
  cors: Record<string, string>;
}

/** Slugs are short; longer ones cannot exist and never reach the database. */
const MAX_SLUG_LENGTH = 100;

/**
 * Resolves the deployment, checks who may use it, runs `handle`, and turns refusals into JSON errors
 * the widget can read (CORS headers included, except for a site that may not use the chat).
 */
export async function servePublicChat(
  options: PublicChatRequestOptions,
  handle: (context: PublicChatContext) => Promise<Response>,
  rateLimitedText = "Too many requests.",
): Promise<Response> {
  const caller = callerOf(options.req, options.appUrl);
  // Until the deployment is known, its refusals (unknown, paused, unpublished) say nothing private:
  // the widget may read them, so it can tell its visitor.
  let cors = corsHeaders(caller.origin, caller.channel === "widget");
  try {
    if (options.slug.length > MAX_SLUG_LENGTH) {
      throw new ChatError(404, "deployment-not-found", "This chat does not exist.");
    }
    const deployment = await resolveDeployment(options.prisma, options.slug);
    cors = corsHeaders(caller.origin, mayReadAnswers(deployment, caller));
    assertCallerAllowed(deployment, caller);
    return await handle({ deployment, caller, cors });
  } catch (error) {
    return publicErrorResponse(error, cors, rateLimitedText);
  }
}

export function publicErrorResponse(error: unknown, cors: Record<string, string>, rateLimitedText: string): Response {
  if (error instanceof ChatError) return chatErrorResponse(error, cors);
  if (error instanceof RateLimitedError) {
    const seconds = error.retryAfterSeconds;
    return chatErrorResponse(new ChatError(429, "rate-limited", `${rateLimitedText} Try again in ${seconds} s.`), {
      ...cors,
      "retry-after": String(seconds),
    });
  }
  console.error(`[public-chat] request failed: ${error instanceof Error ? error.message : String(error)}`);
  return Response.json(
    { error: { code: "internal", message: "Something went wrong. Please try again." } },
    { status: 500, headers: cors },
  );
}
