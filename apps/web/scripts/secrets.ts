import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface GeneratedSecrets {
  nextauthSecret: string;
}

/**
 * For the no-setup default, secrets are generated once and kept in the data directory (mode 0600),
 * so sessions survive restarts. Production sets them in the environment instead.
 */
export function loadOrCreateSecrets(dataDir: string): GeneratedSecrets {
  const file = path.join(dataDir, "secrets.json");
  const existing: Partial<GeneratedSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  if (existing.nextauthSecret) return existing as GeneratedSecrets;
  const secrets: GeneratedSecrets = { ...existing, nextauthSecret: randomBytes(32).toString("base64url") };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
