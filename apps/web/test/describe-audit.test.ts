import { describe, expect, it } from "vitest";
import { describeAuditEntry } from "@/app/app/settings/audit/describe";

describe("describeAuditEntry", () => {
  it("names who changed whose role and how", () => {
    expect(describeAuditEntry("member.role_changed", { email: "a@x.io", from: "editor", to: "admin" })).toBe(
      "Changed a@x.io's role from editor to admin",
    );
  });
  it("describes token events by name, never by secret", () => {
    expect(describeAuditEntry("api_token.created", { name: "CI" })).toBe('Created the API token "CI"');
  });
  it("falls back to the action code for unknown actions even without metadata", () => {
    expect(describeAuditEntry("something.new", null)).toBe("something.new");
  });
});

describe("describeAuditEntry for AI keys and budgets", () => {
  it("names the key by label and last four, never more", () => {
    expect(describeAuditEntry("provider_key.rotated", { provider: "openai", label: "Main", lastFour: "abcd" })).toBe(
      'Rotated the openai key "Main" (now ••••abcd)',
    );
  });
  it("describes budget alerts by scope", () => {
    expect(describeAuditEntry("budget.soft_limit_reached", { scope: "provider_key" })).toBe(
      "A monthly budget passed its soft limit (provider key)",
    );
  });
});
