import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bundle } from "../build.mjs";

// A budget, not a timing: the shipped file must stay an order of magnitude under the 196–284 KB of peers.
const BUDGET = 20 * 1024;

describe("embed.js", () => {
  it(`is at most ${BUDGET / 1024} KB gzip, self-contained and without a source map`, async () => {
    const { code, gzip } = await bundle();
    expect(gzip).toBe(gzipSync(code, { level: 9 }).length);
    expect(gzip).toBeLessThanOrEqual(BUDGET);
    expect(code).not.toMatch(/sourceMappingURL/);
    expect(code).not.toMatch(/\brequire\(|\bimport\(|^import /m);
  });
});
