import type { FieldSpec } from "../../engine/events.ts";
import type { JsonValue } from "../../engine/json.ts";

export type FieldResult = { ok: true; value: JsonValue } | { ok: false; error: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9 ()./-]{7,20}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A calendar date as YYYY-MM-DD, or null. ISO dates must exist (no 2026-02-30 rolled over to March);
 * other forms ("March 3, 2026", "12/31/2026") need a four-digit year and a day, and are read in local
 * time, so they are formatted from local fields rather than shifted by the server's time zone.
 */
function parseDate(text: string): string | null {
  if (ISO_DATE.test(text)) {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : null;
  }
  const tokens = text.split(/[\s,./-]+/).filter(Boolean);
  if (!/\b\d{4}\b/.test(text) || tokens.length < 3) return null;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return null;
  // The parser rolls "February 30" over to March 2: the day (and a numeric month) must be what was typed.
  const numbers = tokens.filter((t) => /^\d+$/.test(t)).map(Number);
  if (!numbers.includes(date.getDate())) return null;
  if (numbers.length >= 3 && !numbers.includes(date.getMonth() + 1)) return null;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

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
      const value = parseDate(text);
      return value === null ? fail("Please enter a date, e.g. 2026-12-31.") : { ok: true, value };
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
