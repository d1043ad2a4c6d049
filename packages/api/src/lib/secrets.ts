import { createHash, randomBytes } from "node:crypto";

/** URL-safe random token with a readable prefix, e.g. `pxl_…` for API tokens. */
export function generateToken(prefix: string, bytes = 24): string {
  return `${prefix}_${randomBytes(bytes).toString("base64url")}`;
}

/** Tokens are high-entropy, so a fast hash is enough to store them (no salt needed). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
