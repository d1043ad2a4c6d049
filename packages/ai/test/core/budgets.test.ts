import { describe, expect, it } from "vitest";
import { evaluateBudget, monthKey, monthStart } from "../../src/index.ts";

const base = { limitUsd: 100, softLimitPercent: 80, hardStop: true, alreadyAlertedThisMonth: false };

describe("evaluateBudget", () => {
  it("allows below the soft share", () => {
    expect(evaluateBudget({ ...base, spentUsd: 0 })).toEqual({ kind: "allow" });
    expect(evaluateBudget({ ...base, spentUsd: 79.999999 })).toEqual({ kind: "allow" });
  });

  it("is soft from the soft share (inclusive) up to the limit, alerting once a month", () => {
    expect(evaluateBudget({ ...base, spentUsd: 80 })).toEqual({ kind: "soft", shouldAlert: true });
    expect(evaluateBudget({ ...base, spentUsd: 99.99 })).toEqual({ kind: "soft", shouldAlert: true });
    expect(evaluateBudget({ ...base, spentUsd: 90, alreadyAlertedThisMonth: true })).toEqual({
      kind: "soft",
      shouldAlert: false,
    });
  });

  it("stops at the limit (inclusive) with a hard stop", () => {
    expect(evaluateBudget({ ...base, spentUsd: 100 })).toEqual({ kind: "stop" });
    expect(evaluateBudget({ ...base, spentUsd: 250, alreadyAlertedThisMonth: true })).toEqual({ kind: "stop" });
  });

  it("only alerts over the limit without a hard stop", () => {
    expect(evaluateBudget({ ...base, hardStop: false, spentUsd: 150 })).toEqual({ kind: "soft", shouldAlert: true });
    expect(evaluateBudget({ ...base, hardStop: false, spentUsd: 150, alreadyAlertedThisMonth: true })).toEqual({
      kind: "soft",
      shouldAlert: false,
    });
  });

  it("handles edge settings: 100 % soft share, 0 % soft share, a zero limit", () => {
    expect(evaluateBudget({ ...base, softLimitPercent: 100, spentUsd: 99 })).toEqual({ kind: "allow" });
    expect(evaluateBudget({ ...base, softLimitPercent: 0, spentUsd: 0 })).toEqual({ kind: "soft", shouldAlert: true });
    expect(evaluateBudget({ ...base, limitUsd: 0, spentUsd: 0 })).toEqual({ kind: "stop" });
    expect(evaluateBudget({ ...base, limitUsd: 0, hardStop: false, spentUsd: 5 })).toEqual({ kind: "allow" });
  });

  it("a new month resets: last month's alert month no longer matches, so the alert fires again", () => {
    const alertedMonth = monthKey(new Date("2026-10-31T23:59:59Z"));
    const now = new Date("2026-11-01T00:00:00Z");
    expect(alertedMonth).toBe("2026-10");
    expect(monthKey(now)).toBe("2026-11");
    // Spending is summed from monthStart(now): last month's does not count.
    expect(monthStart(now).toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(evaluateBudget({ ...base, spentUsd: 85, alreadyAlertedThisMonth: alertedMonth === monthKey(now) })).toEqual({
      kind: "soft",
      shouldAlert: true,
    });
  });
});

describe("monthKey", () => {
  it("is the UTC month, zero-padded", () => {
    expect(monthKey(new Date("2026-01-15T12:00:00Z"))).toBe("2026-01");
    expect(monthKey(new Date("2026-12-31T23:30:00-02:00"))).toBe("2027-01");
    expect(monthKey(new Date("2026-03-01T00:30:00+02:00"))).toBe("2026-02");
    expect(monthStart(new Date("2026-12-31T23:59:59Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });
});
