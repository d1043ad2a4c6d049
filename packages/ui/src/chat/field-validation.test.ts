import type { FieldSpec } from "@pixel/flow";
import { describe, expect, it } from "vitest";
import { checkField, checkForm, describeFormValues } from "./field-validation.ts";

const field = (over: Partial<FieldSpec>): FieldSpec => ({
  name: "q",
  label: "Q",
  type: "text",
  required: true,
  ...over,
});

describe("checkField", () => {
  it.each([
    [field({}), "", { ok: false, error: "Q is required." }],
    [field({ required: false }), "  ", { ok: true, value: null }],
    [field({}), "  ok ", { ok: true, value: "ok" }],
    [field({}), "x".repeat(2_001), { ok: false, error: "Q is too long (2,000 characters at most)." }],
    [field({ type: "email" }), "ada@example", { ok: false, error: "Please enter a valid email address." }],
    [field({ type: "email" }), "Ada@Example.com", { ok: true, value: "Ada@Example.com" }],
    [field({ type: "phone" }), "12345", { ok: false, error: "Please enter a valid phone number." }],
    [field({ type: "phone" }), "+44 (20) 7946-0958", { ok: true, value: "+44 (20) 7946-0958" }],
    [field({ type: "number", min: 1, max: 10 }), "lots", { ok: false, error: "Q must be a number." }],
    [field({ type: "number", min: 1, max: 10 }), "0", { ok: false, error: "Q must be at least 1." }],
    [field({ type: "number", min: 1, max: 10 }), "10.5", { ok: false, error: "Q must be at most 10." }],
    [field({ type: "number" }), "1,250", { ok: true, value: 1250 }],
    [field({ type: "date" }), "2026-02-30", { ok: false, error: "Please enter a date, e.g. 2026-12-31." }],
    [field({ type: "date" }), "2026-12-31", { ok: true, value: "2026-12-31" }],
    [field({ type: "date" }), "March 3, 2026", { ok: true, value: "March 3, 2026" }],
    [
      field({ type: "select", options: ["Red", "Green"] }),
      "Blue",
      { ok: false, error: "Please choose one of: Red, Green." },
    ],
    [field({ type: "select", options: ["Red", "Green"] }), "Green", { ok: true, value: "Green" }],
  ])("%j with %j → %j", (spec, raw, expected) => {
    expect(checkField(spec, raw)).toEqual(expected);
  });
});

describe("checkForm", () => {
  it("returns the values, or the errors by field name", () => {
    const fields = [field({ name: "email", type: "email" }), field({ name: "note", required: false })];
    expect(checkForm(fields, { email: "a@b.io" })).toEqual({ values: { email: "a@b.io", note: null }, errors: {} });
    expect(checkForm(fields, { email: "nope", note: "hi" }).errors).toEqual({
      email: "Please enter a valid email address.",
    });
  });
});

describe("describeFormValues", () => {
  it("joins the values given, like the server's transcript", () => {
    expect(describeFormValues({ a: "Ada", b: null, c: 3, d: "" })).toBe("Ada, 3");
    expect(describeFormValues({ a: null })).toBe("");
  });
});
