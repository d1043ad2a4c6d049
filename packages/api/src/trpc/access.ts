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

export const DEFAULT_RATE_LIMIT: RateLimitRule = { points: 600, duration: 60 };
