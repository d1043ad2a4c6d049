import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import type { HistoryMessage } from "@pixel/flow";

/**
 * A gallery preview's conversation travels with the visitor as a signed token (state + recent history), so
 * anonymous previews write nothing to the database and any instance can continue them. The signature binds
 * the token to one template version; it expires after a day.
 */
export interface PreviewPayload {
  /** The template and the version of its flow the state belongs to. */
  template: string;
  state: unknown;
  history: HistoryMessage[];
  expiresAt: number;
}

const TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_TOKEN_CHARS = 32_000;

let processKey: Buffer | null = null;

/** Derived from PIXEL_ENCRYPTION_KEY (tokens survive restarts and work across instances), else random per process. */
function signingKey(): Buffer {
  const base = process.env.PIXEL_ENCRYPTION_KEY?.trim();
  if (base) return Buffer.from(hkdfSync("sha256", Buffer.from(base, "base64"), "", "pixel:template-preview", 32));
  processKey ??= randomBytes(32);
  return processKey;
}

function mac(body: string): Buffer {
  return createHmac("sha256", signingKey()).update(body).digest();
}

export function signPreview(payload: Omit<PreviewPayload, "expiresAt">, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...payload, expiresAt: now + TTL_MS })).toString("base64url");
  return `${body}.${mac(body).toString("base64url")}`;
}

/** The payload of a valid, unexpired token for this template; null for anything else. */
export function readPreview(token: string, template: string, now = Date.now()): PreviewPayload | null {
  if (token.length > MAX_TOKEN_CHARS) return null;
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as PreviewPayload;
    if (payload.template !== template || !(payload.expiresAt > now) || !Array.isArray(payload.history)) return null;
    return payload;
  } catch {
    return null;
  }
}
