import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrCreateSecrets } from "../scripts/secrets";

describe("generated secrets for the embedded default", () => {
  it("are created once, private to the owner, and reused on the next start", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pixel-secrets-"));
    const first = loadOrCreateSecrets(dir);
    expect(first.nextauthSecret.length).toBeGreaterThanOrEqual(40);
    expect(statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecrets(dir)).toEqual(first);
    expect(JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8")).nextauthSecret).toBe(first.nextauthSecret);
  });
});
