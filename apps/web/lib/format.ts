const usdFormats = {
  exact: new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }),
  short: new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 }),
};

/** Dollars with cents; sub-cent amounts keep up to four decimals so a tiny spend never reads as $0.00. */
export function formatUsd(value: number, mode: "exact" | "short" = "exact"): string {
  if (mode === "exact" && value !== 0 && Math.abs(value) < 0.01) return usdFormats.exact.format(value);
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: mode === "short" && Number.isInteger(value) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** Price per million tokens: "$0.15", "$2.50", "$0.075". */
export function formatPrice(value: number): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(value);
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat("en-US");

/** 1234 → "1,234"; with `short`, 1234567 → "1.2M". */
export function formatCount(value: number, short = false): string {
  return short ? compact.format(value) : plain.format(value);
}

/** Context windows: 128000 → "128K", 1048576 → "1M". */
export function formatTokens(value: number | null | undefined): string {
  if (value == null) return "—";
  return compact.format(value);
}

/** Whole days from now until `date` (negative once past). */
export function daysUntil(date: Date, now: Date = new Date()): number {
  return Math.ceil((date.getTime() - now.getTime()) / 86_400_000);
}

/** "YYYY-MM-DD" of a local date, for <input type="date">. */
export function toDateInput(date: Date | null | undefined): string {
  if (!date) return "";
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** The end of the chosen local day, so a key "expiring on the 30th" still works on the 30th. */
export function fromDateInput(value: string): Date | null {
  if (!value) return null;
  const [y, m, d] = value.split("-").map(Number);
  if (!y || !m || !d) return null;
  return new Date(y, m - 1, d, 23, 59, 59);
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "just now", "5 minutes ago", "yesterday", "3 days ago"; older than a month: the date. */
export function formatRelative(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  if (abs < 3600) return relative.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), "hour");
  if (abs < 30 * 86_400) return relative.format(Math.round(seconds / 86_400), "day");
  return date.toLocaleDateString();
}
