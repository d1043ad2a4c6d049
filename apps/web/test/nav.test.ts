import { describe, expect, it } from "vitest";
import { isActive, NAV_ITEMS } from "@/components/shell/nav";

describe("dashboard navigation", () => {
  it("lists every section of the product", () => {
    expect(NAV_ITEMS.map((i) => i.label)).toEqual([
      "Overview",
      "Bots",
      "Templates",
      "Deployments",
      "AI providers",
      "Usage",
      "Conversations",
      "Analytics",
      "Settings",
    ]);
  });
  it("marks the overview only on /app and sections on their sub-pages", () => {
    expect(isActive("/app", "/app")).toBe(true);
    expect(isActive("/app/settings/members", "/app")).toBe(false);
    expect(isActive("/app/settings/members", "/app/settings")).toBe(true);
    expect(isActive("/app/settingsx", "/app/settings")).toBe(false);
  });
});
