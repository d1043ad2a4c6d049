import { describe, expect, it } from "vitest";
import { DEFAULT_PRIMARY, safeCssColor, textColorOn, themeStyle } from "./chat-theme.ts";
import { describeTransportError } from "./error-text.ts";

describe("safeCssColor", () => {
  it("accepts plain colours", () => {
    for (const colour of ["#fff", "#4f46e5", "#4f46e580", "rgb(10 20 30 / 50%)", "oklch(0.6 0.2 260)", "teal"]) {
      expect(safeCssColor(colour)).toBe(colour);
    }
  });

  it("refuses anything that could escape the value", () => {
    for (const value of [
      "red; background: url(x)",
      "url(https://x)",
      "var(--x)",
      "#12",
      "",
      undefined,
      "expression(alert(1))",
    ]) {
      expect(safeCssColor(value)).toBeUndefined();
    }
  });
});

describe("textColorOn", () => {
  it("puts dark text on light colours and white text on dark ones", () => {
    expect(textColorOn("#ffffff")).toBe("#0f172a");
    expect(textColorOn("#fde047")).toBe("#0f172a");
    expect(textColorOn("#4f46e5")).toBe("#ffffff");
    expect(textColorOn("#000")).toBe("#ffffff");
    expect(textColorOn("oklch(0.9 0.1 100)")).toBe("#ffffff");
  });
});

describe("themeStyle", () => {
  it("sets the variables, falling back to the default primary", () => {
    expect(themeStyle(undefined)).toMatchObject({ "--pixel-chat-primary": DEFAULT_PRIMARY });
    expect(themeStyle({ primary: "url(x)", background: "#111" })).toMatchObject({
      "--pixel-chat-primary": DEFAULT_PRIMARY,
      "--pixel-chat-bg": "#111",
    });
    expect(themeStyle({ primary: "#fde047" })).toMatchObject({ "--pixel-chat-on-primary": "#0f172a" });
  });
});

describe("describeTransportError", () => {
  it("shows the server's JSON error message", () => {
    const error = new Error(JSON.stringify({ error: { code: "rate-limited", message: "Slow down." } }));
    expect(describeTransportError(error)).toBe("Slow down.");
  });

  it("explains network failures and hides HTML pages", () => {
    expect(describeTransportError(new TypeError("Failed to fetch"))).toMatch(/connection/);
    expect(describeTransportError(new Error("<!DOCTYPE html><html>"))).toBe("Something went wrong. Please try again.");
    expect(describeTransportError(Object.assign(new Error(""), { statusCode: 429 }))).toMatch(/Too many/);
    expect(describeTransportError(new Error("Flow not found."))).toBe("Flow not found.");
    expect(describeTransportError(undefined)).toBe("Something went wrong. Please try again.");
  });
});
