import { describe, expect, it } from "vitest";
import {
  authorOf,
  DRAFT,
  deploymentLabel,
  noteProblem,
  orderCompared,
  publishErrorMessage,
  relativeTime,
  toggleCompare,
} from "./version-format.ts";

describe("version formatting", () => {
  const now = new Date("2026-11-24T12:00:00Z");

  it("says how long ago", () => {
    expect(relativeTime(new Date("2026-11-24T11:59:40Z"), now)).toBe("just now");
    expect(relativeTime(new Date("2026-11-24T11:55:00Z"), now)).toBe("5 minutes ago");
    expect(relativeTime("2026-11-23T12:00:00Z", now)).toBe("yesterday");
    expect(relativeTime("2026-11-03T12:00:00Z", now)).toBe("3 weeks ago");
  });

  it("names the author and the deployments", () => {
    expect(authorOf({ name: "Ada", email: "ada@example.com" })).toBe("Ada");
    expect(authorOf({ name: null, email: "ada@example.com" })).toBe("ada@example.com");
    expect(authorOf(null)).toBe("Someone");
    expect(deploymentLabel(0)).toBeNull();
    expect(deploymentLabel(1)).toBe("Live in 1 deployment");
    expect(deploymentLabel(3)).toBe("Live in 3 deployments");
  });

  it("requires a short note", () => {
    expect(noteProblem("  ")).toMatch(/what changed/);
    expect(noteProblem("x".repeat(501))).toMatch(/500/);
    expect(noteProblem("Fixed the menu")).toBeNull();
  });

  it("explains a conflict, and passes other messages on", () => {
    expect(publishErrorMessage({ data: { code: "CONFLICT" }, message: "x" })).toMatch(/changed elsewhere/);
    expect(publishErrorMessage(new Error("Fix 2 error(s) before publishing"))).toBe("Fix 2 error(s) before publishing");
  });
});

describe("comparing", () => {
  it("keeps at most two ticked, dropping the earliest", () => {
    expect(toggleCompare([], "a")).toEqual(["a"]);
    expect(toggleCompare(["a"], "b")).toEqual(["a", "b"]);
    expect(toggleCompare(["a", "b"], "c")).toEqual(["b", "c"]);
    expect(toggleCompare(["a", "b"], "a")).toEqual(["b"]);
  });

  it("puts the older side first and the draft last", () => {
    const numbers: Record<string, number> = { v1: 1, v2: 2 };
    const numberOf = (id: string) => numbers[id];
    expect(orderCompared(["v2", "v1"], numberOf)).toEqual(["v1", "v2"]);
    expect(orderCompared([DRAFT, "v1"], numberOf)).toEqual(["v1", DRAFT]);
    expect(orderCompared(["v1"], numberOf)).toBeNull();
  });
});
