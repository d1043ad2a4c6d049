import type { Role } from "@pixel/db";
import type { RateLimitRule } from "../lib/rate-limit.ts";

/**
 * What a procedure needs, stated once. Stored as the procedure's meta so tests (and docs) can
 * read every procedure's access rule from the router itself.
 */
export type Access =
  | { scope: "public"; rateLimit?: RateLimitRule }
  | { scope: "user"; rateLimit?: RateLimitRule }
  | { scope: "organization"; minRole: Role; rateLimit?: RateLimitRule };

/** Calls per minute per user (or per IP when signed out) for procedures without a rule of their own. */
export const DEFAULT_RATE_LIMIT: RateLimitRule = {
  points: Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 600),
  duration: 60,
};
