import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEncryptionKey } from "@pixel/ai";
import { describe, expect, it } from "vitest";
import { loadOrCreateSecrets } from "../scripts/secrets";

describe("generated secrets for the embedded default", () => {
  it("are created once, private to the owner, and reused on the next start", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pixel-secrets-"));
    const first = loadOrCreateSecrets(dir);
    expect(first.nextauthSecret.length).toBeGreaterThanOrEqual(40);
    expect(statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecrets(dir)).toEqual(first);
    const stored = JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8"));
    expect(stored.nextauthSecret).toBe(first.nextauthSecret);
    expect(stored.encryptionKey).toBe(first.encryptionKey);
  });

  it("include a 32-byte encryption key that PIXEL_ENCRYPTION_KEY accepts", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pixel-secrets-"));
    const { encryptionKey, nextauthSecret } = loadOrCreateSecrets(dir);
    expect(parseEncryptionKey(encryptionKey)).toHaveLength(32);
    expect(encryptionKey).not.toBe(nextauthSecret);
  });

  it("add the encryption key to an older secrets.json without replacing what is there", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pixel-secrets-"));
    const file = path.join(dir, "secrets.json");
    writeFileSync(file, JSON.stringify({ nextauthSecret: "kept-session-secret", other: "kept-too" }), { mode: 0o600 });
    const secrets = loadOrCreateSecrets(dir);
    expect(secrets.nextauthSecret).toBe("kept-session-secret");
    expect(parseEncryptionKey(secrets.encryptionKey)).toHaveLength(32);
    const stored = JSON.parse(readFileSync(file, "utf8"));
    expect(stored).toMatchObject({
      nextauthSecret: "kept-session-secret",
      other: "kept-too",
      encryptionKey: secrets.encryptionKey,
    });
    expect(loadOrCreateSecrets(dir).encryptionKey).toBe(secrets.encryptionKey);
  });
});
