import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Provider keys at rest: AES-256-GCM with a random 12-byte IV per secret. The auth tag makes any
 * change to the stored text (or a wrong key) fail loudly instead of decrypting to garbage.
 * Format: "v1:<iv>:<tag>:<ciphertext>", each part base64url, so a future scheme can be told apart.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

function assertKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new Error(
      `The encryption key must be ${KEY_BYTES} bytes (got ${Buffer.isBuffer(key) ? key.length : "none"}).`,
    );
  }
}

export function encryptSecret(plaintext: string, key: Buffer): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(":");
}

export function decryptSecret(ciphertext: string, key: Buffer): string {
  assertKey(key);
  const parts = typeof ciphertext === "string" ? ciphertext.split(":") : [];
  if (parts.length !== 4 || parts[0] !== VERSION) {
    throw new Error('Cannot decrypt the secret: it is not in the "v1:<iv>:<tag>:<data>" format.');
  }
  const iv = Buffer.from(parts[1] as string, "base64url");
  const tag = Buffer.from(parts[2] as string, "base64url");
  const data = Buffer.from(parts[3] as string, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new Error("Cannot decrypt the secret: its IV or authentication tag has the wrong length.");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    // node's own message says little; never echo the input or the key.
    throw new Error(
      "Cannot decrypt the secret: it was changed or encrypted with a different key (check PIXEL_ENCRYPTION_KEY).",
    );
  }
}

/** What the UI may show of a secret: its last four characters. */
export function maskSecret(secret: string): string {
  const tail = secret.length > 4 ? secret.slice(-4) : "";
  return `••••${tail}`;
}

/** Accepts 32 bytes as base64 / base64url (43–44 chars) or as 64 hex characters. */
export function parseEncryptionKey(value: string): Buffer {
  const text = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(text)) {
    const bytes = Buffer.from(text.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""), "base64url");
    if (bytes.length === KEY_BYTES) return bytes;
  }
  throw new Error(
    "The encryption key must be 32 bytes written as base64/base64url (44 characters) or 64 hex characters. Generate one: openssl rand -base64 32",
  );
}

export function encryptionKeyFromEnv(env: Record<string, string | undefined> = process.env): Buffer {
  const value = env.PIXEL_ENCRYPTION_KEY;
  if (!value?.trim()) {
    throw new Error(
      "PIXEL_ENCRYPTION_KEY is not set: provider keys cannot be encrypted or read. Set it to 32 random bytes (openssl rand -base64 32); the launcher generates one into the data directory for the embedded default.",
    );
  }
  try {
    return parseEncryptionKey(value);
  } catch (error) {
    throw new Error(`PIXEL_ENCRYPTION_KEY is invalid. ${(error as Error).message}`);
  }
}
