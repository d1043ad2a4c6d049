import type { FieldSpec } from "@pixel/flow";

export type FieldValue = string | number | null;
export type FieldCheck = { ok: true; value: FieldValue } | { ok: false; error: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9 ()./-]{7,20}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_TEXT_FIELD = 2_000;

/**
 * The client-side check of one form answer, before it is sent. Mirrors the engine's rules (same messages)
 * but never stricter: the server validates again and answers with the field's `error`.
 */
export function checkField(field: FieldSpec, raw: string): FieldCheck {
  const text = raw.trim();
  const label = field.label || field.name;
  if (!text) return field.required ? { ok: false, error: `${label} is required.` } : { ok: true, value: null };
  switch (field.type) {
    case "email":
      return EMAIL.test(text) && text.length <= 254
        ? { ok: true, value: text }
        : { ok: false, error: "Please enter a valid email address." };
    case "phone": {
      const digits = text.replace(/\D/g, "").length;
      return PHONE.test(text) && digits >= 7 && digits <= 15
        ? { ok: true, value: text }
        : { ok: false, error: "Please enter a valid phone number." };
    }
    case "number": {
      const n = Number(text.replace(/[, _]/g, ""));
      if (!Number.isFinite(n)) return { ok: false, error: `${label} must be a number.` };
      if (field.min !== undefined && n < field.min)
        return { ok: false, error: `${label} must be at least ${field.min}.` };
      if (field.max !== undefined && n > field.max)
        return { ok: false, error: `${label} must be at most ${field.max}.` };
      return { ok: true, value: n };
    }
    case "date": {
      // Date pickers give YYYY-MM-DD; other forms ("March 3, 2026") are left to the server to read.
      if (!ISO_DATE.test(text)) return { ok: true, value: text };
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
        ? { ok: true, value: text }
        : { ok: false, error: "Please enter a date, e.g. 2026-12-31." };
    }
    case "select": {
      const options = field.options ?? [];
      return options.length === 0 || options.includes(text)
        ? { ok: true, value: text }
        : { ok: false, error: `Please choose one of: ${options.join(", ")}.` };
    }
    default:
      return text.length > MAX_TEXT_FIELD
        ? { ok: false, error: `${label} is too long (2,000 characters at most).` }
        : { ok: true, value: text };
  }
}

/** Checks every field; `errors` is empty when all values can be sent. */
export function checkForm(
  fields: readonly FieldSpec[],
  raw: Readonly<Record<string, string>>,
): { values: Record<string, FieldValue>; errors: Record<string, string> } {
  const values: Record<string, FieldValue> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const result = checkField(field, raw[field.name] ?? "");
    if (result.ok) values[field.name] = result.value;
    else errors[field.name] = result.error;
  }
  return { values, errors };
}

/** The user bubble for a form answer: the values given, as the server describes them. */
export function describeFormValues(values: Readonly<Record<string, FieldValue>>): string {
  return Object.values(values)
    .filter((v) => v !== null && v !== "")
    .map(String)
    .join(", ");
}
