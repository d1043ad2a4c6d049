import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface GeneratedSecrets {
  nextauthSecret: string;
  /** PIXEL_ENCRYPTION_KEY of the embedded default: 32 random bytes, base64url. Encrypts provider keys at rest. */
  encryptionKey: string;
}

/**
 * For the no-setup default, secrets are generated once and kept in the data directory (mode 0600),
 * so sessions and encrypted provider keys survive restarts. Production sets them in the environment instead.
 * Existing secrets are never replaced: a new encryption key would make every stored provider key unreadable.
 */
export function loadOrCreateSecrets(dataDir: string): GeneratedSecrets {
  const file = path.join(dataDir, "secrets.json");
  const existing: Partial<GeneratedSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  if (existing.nextauthSecret && existing.encryptionKey) return existing as GeneratedSecrets;
  const secrets: GeneratedSecrets = {
    ...existing,
    nextauthSecret: existing.nextauthSecret ?? randomBytes(32).toString("base64url"),
    encryptionKey: existing.encryptionKey ?? randomBytes(32).toString("base64url"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
