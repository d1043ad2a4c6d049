import type { Field, FieldValue } from "./types.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9 ()./-]{7,20}$/;

/**
 * Checks one form answer before it is sent: the value to send, or the message to show under the field.
 * Never stricter than the server, which checks again and answers with the field's `error`.
 */
export function checkField(field: Field, raw: string): { value: FieldValue } | { error: string } {
  const text = raw.trim();
  const label = field.label || field.name;
  if (!text) return field.required ? { error: `${label} is required.` } : { value: null };
  switch (field.type) {
    case "email":
      return EMAIL.test(text) && text.length <= 254
        ? { value: text }
        : { error: "Please enter a valid email address." };
    case "phone": {
      const digits = text.replace(/\D/g, "").length;
      return PHONE.test(text) && digits >= 7 && digits <= 15
        ? { value: text }
        : { error: "Please enter a valid phone number." };
    }
    case "number": {
      const n = Number(text.replace(/[, _]/g, ""));
      if (!Number.isFinite(n)) return { error: `${label} must be a number.` };
      if (field.min != null && n < field.min) return { error: `${label} must be at least ${field.min}.` };
      if (field.max != null && n > field.max) return { error: `${label} must be at most ${field.max}.` };
      return { value: n };
    }
    case "select": {
      const options = field.options ?? [];
      return !options.length || options.includes(text)
        ? { value: text }
        : { error: `Please choose one of: ${options.join(", ")}.` };
    }
    default:
      return text.length > 2000 ? { error: `${label} is too long (2,000 characters at most).` } : { value: text };
  }
}
