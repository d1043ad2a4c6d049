import { describe, expect, it } from "vitest";
import { hasMalformedEscape } from "@/lib/malformed-path";

describe("hasMalformedEscape", () => {
  it("finds escapes that do not decode", () => {
    expect(hasMalformedEscape("/templates/%E0%A4%A")).toBe(true);
    expect(hasMalformedEscape("/c/%")).toBe(true);
    expect(hasMalformedEscape("/app/bots/%zz")).toBe(true);
  });
  it("lets plain and well-formed paths through", () => {
    expect(hasMalformedEscape("/templates/ai-legal-consultant")).toBe(false);
    expect(hasMalformedEscape("/templates/caf%C3%A9")).toBe(false);
    expect(hasMalformedEscape("/c/a%20b")).toBe(false);
  });
});
