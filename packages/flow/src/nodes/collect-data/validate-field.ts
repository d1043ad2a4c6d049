import type { FieldSpec } from "../../engine/events.ts";
import type { JsonValue } from "../../engine/json.ts";

export type FieldResult = { ok: true; value: JsonValue } | { ok: false; error: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9 ()./-]{7,20}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one answer against its field and returns the value to store, or a message to re-prompt with. */
export function validateField(
  field: FieldSpec & { errorMessage?: string },
  raw: string | number | null | undefined,
): FieldResult {
  const text = raw === null || raw === undefined ? "" : String(raw).trim();
  const fail = (error: string): FieldResult => ({ ok: false, error: field.errorMessage ?? error });
  if (!text) return field.required ? fail(`${field.label} is required.`) : { ok: true, value: null };
  switch (field.type) {
    case "text":
      return text.length > 2_000
        ? fail(`${field.label} is too long (2,000 characters at most).`)
        : { ok: true, value: text };
    case "email":
      return EMAIL.test(text) && text.length <= 254
        ? { ok: true, value: text.toLowerCase() }
        : fail("Please enter a valid email address.");
    case "phone": {
      const digits = text.replace(/\D/g, "");
      return PHONE.test(text) && digits.length >= 7 && digits.length <= 15
        ? { ok: true, value: text }
        : fail("Please enter a valid phone number.");
    }
    case "number": {
      const n = typeof raw === "number" ? raw : Number(text.replace(/[, _]/g, ""));
      if (!Number.isFinite(n)) return fail(`${field.label} must be a number.`);
      if (field.min !== undefined && n < field.min) return fail(`${field.label} must be at least ${field.min}.`);
      if (field.max !== undefined && n > field.max) return fail(`${field.label} must be at most ${field.max}.`);
      return { ok: true, value: n };
    }
    case "date": {
      const date = ISO_DATE.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
      return Number.isNaN(date.getTime())
        ? fail("Please enter a date, e.g. 2026-12-31.")
        : { ok: true, value: date.toISOString().slice(0, 10) };
    }
    case "select": {
      const options = field.options ?? [];
      const lower = text.toLowerCase();
      const index = Number.parseInt(text, 10);
      const match =
        options.find((o) => o.toLowerCase() === lower) ??
        (String(index) === text && index >= 1 ? options[index - 1] : undefined);
      return match !== undefined ? { ok: true, value: match } : fail(`Please choose one of: ${options.join(", ")}.`);
    }
  }
}
