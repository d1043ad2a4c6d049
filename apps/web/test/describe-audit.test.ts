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

describe("describeAuditEntry for templates", () => {
  it("says what was published, republished and used, with versions", () => {
    expect(
      describeAuditEntry("template.published", { name: "Shop helper", version: "1.0.0", visibility: "organization" }),
    ).toBe('Published the template "Shop helper" 1.0.0 (organization only)');
    expect(describeAuditEntry("template.republished", { name: "Shop helper", version: "1.1.0", from: "1.0.0" })).toBe(
      'Republished the template "Shop helper" as 1.1.0 (was 1.0.0)',
    );
    expect(describeAuditEntry("template.used", { templateName: "AI Legal Consultant", version: "1.0.0" })).toBe(
      'Created a bot from the template "AI Legal Consultant" 1.0.0',
    );
  });
});
