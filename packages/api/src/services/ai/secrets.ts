import { decryptSecret, encryptionKeyFromEnv, encryptSecret } from "@pixel/ai";

/**
 * The key that encrypts provider secrets, read once from PIXEL_ENCRYPTION_KEY (the launcher generates it
 * into the data directory for the embedded default; production refuses to start without it).
 */
let cached: { raw: string | undefined; key: Buffer } | null = null;

export function encryptionKey(): Buffer {
  const raw = process.env.PIXEL_ENCRYPTION_KEY;
  if (!cached || cached.raw !== raw) cached = { raw, key: encryptionKeyFromEnv(process.env) };
  return cached.key;
}

/** Stored in encryptedSecret when a key has no secret (a local Ollama): nothing to decrypt. */
export const NO_SECRET = "";

export function sealSecret(secret: string | null | undefined, key: Buffer): string {
  return secret ? encryptSecret(secret, key) : NO_SECRET;
}

export function openSecret(ciphertext: string, key: Buffer): string | null {
  return ciphertext === NO_SECRET ? null : decryptSecret(ciphertext, key);
}

/** Last four characters kept in clear for the masked display; none for short or missing secrets. */
export function lastFourOf(secret: string | null | undefined): string {
  return secret && secret.length > 4 ? secret.slice(-4) : "";
}

export function sealHeaders(headers: Record<string, string>, key: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, encryptSecret(value, key)]));
}

export function openHeaders(headers: Record<string, string>, key: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, decryptSecret(value, key)]));
}
