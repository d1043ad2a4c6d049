import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptionKeyFromEnv, encryptSecret, maskSecret, parseEncryptionKey } from "../../src/index.ts";
import { CANARY } from "./helpers.ts";

const key = randomBytes(32);

describe("secret box (AES-256-GCM)", () => {
  it("round-trips, in the v1:<iv>:<tag>:<data> base64url format, without the plaintext in it", () => {
    for (const secret of [CANARY, "", "ünïcødé 🔑", "x".repeat(5000)]) {
      const box = encryptSecret(secret, key);
      expect(box).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]*$/);
      expect(decryptSecret(box, key)).toBe(secret);
      if (secret) expect(box).not.toContain(secret);
    }
  });

  it("uses a fresh random IV each time", () => {
    const boxes = new Set(Array.from({ length: 50 }, () => encryptSecret(CANARY, key)));
    expect(boxes.size).toBe(50);
    const ivs = new Set([...boxes].map((b) => b.split(":")[1]));
    expect(ivs.size).toBe(50);
  });

  it("detects tampering with the data, the tag or the IV", () => {
    const box = encryptSecret(CANARY, key);
    const [v, iv, tag, data] = box.split(":") as [string, string, string, string];
    const flip = (s: string) => {
      const bytes = Buffer.from(s, "base64url");
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString("base64url");
    };
    for (const bad of [
      [v, iv, tag, flip(data)],
      [v, iv, flip(tag), data],
      [v, flip(iv), tag, data],
    ]) {
      expect(() => decryptSecret(bad.join(":"), key)).toThrow(/changed or encrypted with a different key/);
    }
  });

  it("refuses a wrong key with a clear error that holds neither the secret nor the key", () => {
    const box = encryptSecret(CANARY, key);
    const other = randomBytes(32);
    let message = "";
    try {
      decryptSecret(box, other);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("PIXEL_ENCRYPTION_KEY");
    for (const forbidden of [CANARY, key.toString("base64"), key.toString("hex"), other.toString("base64url"), box]) {
      expect(message).not.toContain(forbidden);
    }
  });

  it("rejects text that is not a v1 box, and keys that are not 32 bytes", () => {
    expect(() => decryptSecret("plain-text", key)).toThrow(/not in the "v1:<iv>:<tag>:<data>" format/);
    expect(() => decryptSecret("v2:a:b:c", key)).toThrow(/format/);
    expect(() => decryptSecret("v1:AAAA:BBBB:CCCC", key)).toThrow(/wrong length/);
    expect(() => encryptSecret("x", randomBytes(16))).toThrow(/32 bytes/);
  });

  it("masks to the last four characters", () => {
    expect(maskSecret(CANARY)).toBe("••••cdef");
    expect(maskSecret("abcd")).toBe("••••");
    expect(maskSecret("")).toBe("••••");
  });
});

describe("encryption key parsing", () => {
  it("accepts base64, base64url (with or without padding) and hex", () => {
    const raw = randomBytes(32);
    expect(parseEncryptionKey(raw.toString("base64")).equals(raw)).toBe(true);
    expect(parseEncryptionKey(raw.toString("base64url")).equals(raw)).toBe(true);
    expect(parseEncryptionKey(` ${raw.toString("hex")}\n`).equals(raw)).toBe(true);
    expect(parseEncryptionKey(raw.toString("hex").toUpperCase()).equals(raw)).toBe(true);
  });

  it("refuses anything else clearly", () => {
    for (const bad of [
      "",
      "short",
      randomBytes(16).toString("base64"),
      randomBytes(48).toString("base64"),
      "z".repeat(64),
    ]) {
      expect(() => parseEncryptionKey(bad)).toThrow(
        /32 bytes written as base64\/base64url \(44 characters\) or 64 hex/,
      );
    }
  });

  it("reads PIXEL_ENCRYPTION_KEY, saying clearly when it is missing or invalid", () => {
    const raw = randomBytes(32);
    expect(encryptionKeyFromEnv({ PIXEL_ENCRYPTION_KEY: raw.toString("base64url") }).equals(raw)).toBe(true);
    expect(() => encryptionKeyFromEnv({})).toThrow(/^PIXEL_ENCRYPTION_KEY is not set/);
    expect(() => encryptionKeyFromEnv({ PIXEL_ENCRYPTION_KEY: "  " })).toThrow(/^PIXEL_ENCRYPTION_KEY is not set/);
    expect(() => encryptionKeyFromEnv({ PIXEL_ENCRYPTION_KEY: "nope" })).toThrow(/^PIXEL_ENCRYPTION_KEY is invalid/);
  });
});
