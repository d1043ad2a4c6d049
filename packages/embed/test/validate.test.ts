import { describe, expect, it } from "vitest";
import type { Field } from "../src/types.ts";
import { checkField } from "../src/validate.ts";
import { cleanVariables } from "../src/widget.ts";

const f = (type: Field["type"], extra: Partial<Field> = {}): Field => ({
  name: "x",
  label: "X",
  type,
  required: false,
  ...extra,
});

describe("checkField", () => {
  it("checks required, email, number bounds and select options", () => {
    expect(checkField(f("text", { required: true }), "  ")).toEqual({ error: "X is required." });
    expect(checkField(f("text"), "  ")).toEqual({ value: null });
    expect(checkField(f("email"), "ada@example")).toEqual({ error: "Please enter a valid email address." });
    expect(checkField(f("email"), " ada@example.com ")).toEqual({ value: "ada@example.com" });
    expect(checkField(f("number", { min: 1, max: 10 }), "abc")).toEqual({ error: "X must be a number." });
    expect(checkField(f("number", { min: 1, max: 10 }), "0")).toEqual({ error: "X must be at least 1." });
    expect(checkField(f("number", { min: 1, max: 10 }), "11")).toEqual({ error: "X must be at most 10." });
    expect(checkField(f("number", { min: 1, max: 10 }), "7.5")).toEqual({ value: 7.5 });
    expect(checkField(f("select", { options: ["S", "M"] }), "L")).toEqual({ error: "Please choose one of: S, M." });
    expect(checkField(f("select", { options: ["S", "M"] }), "M")).toEqual({ value: "M" });
    expect(checkField(f("phone"), "+44 20 7946 0958")).toEqual({ value: "+44 20 7946 0958" });
    expect(checkField(f("phone"), "12")).toEqual({ error: "Please enter a valid phone number." });
  });
});

describe("cleanVariables", () => {
  it("keeps only what the server accepts", () => {
    expect(cleanVariables({ name: "Ada", plan_2: 3, vip: true, "bad-name": 1, obj: {}, n: Number.NaN })).toEqual({
      name: "Ada",
      plan_2: 3,
      vip: true,
    });
    expect(cleanVariables("nope")).toEqual({});
    expect(
      Object.keys(cleanVariables(Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`v${i}`, i])))),
    ).toHaveLength(50);
  });
});
