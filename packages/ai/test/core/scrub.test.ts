import { describe, expect, it } from "vitest";
import { scrubSecrets } from "../../src/index.ts";
import { CANARY } from "./helpers.ts";

describe("scrubSecrets", () => {
  it("removes the candidate's secret and custom header values wherever they appear", () => {
    const text = `Incorrect API key ${CANARY}; header X-Token=team-secret-value; again ${CANARY}`;
    const out = scrubSecrets(text, { secret: CANARY, headers: { "X-Token": "team-secret-value" } });
    expect(out).toBe("Incorrect API key [redacted]; header X-Token=[redacted]; again [redacted]");
  });

  it("removes credential-shaped text even without knowing the key", () => {
    expect(scrubSecrets("Authorization: Bearer abc.def-ghi_jkl")).toBe("Authorization: Bearer [redacted]");
    expect(scrubSecrets("key sk-proj-AbCdEf0123456789 refused")).toBe("key [redacted] refused");
    expect(scrubSecrets("GET https://x.test/v1/models?key=AIzaSyA-1234567890abcdefghijkl&alt=sse")).toBe(
      "GET https://x.test/v1/models?key=[redacted]&alt=sse",
    );
    expect(scrubSecrets("http://admin:hunter22@db.local:5432/x")).toBe("http://[redacted]@db.local:5432/x");
  });

  it("leaves ordinary text alone, and ignores very short 'secrets' that would blank out words", () => {
    expect(scrubSecrets("rate limited (429)", { secret: "ab", headers: {} })).toBe("rate limited (429)");
    expect(scrubSecrets("task-force skills")).toBe("task-force skills");
  });
});
