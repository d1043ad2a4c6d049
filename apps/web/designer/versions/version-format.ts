import { messageOf } from "@/lib/errors";

export const NOTE_MAX = 500;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function relativeTime(date: Date | string, now: Date = new Date(), locale = "en"): string {
  const then = typeof date === "string" ? new Date(date) : date;
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
  if (!Number.isFinite(seconds)) return "";
  if (Math.abs(seconds) < 45) return "just now";
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / 60), "minute");
}

/** Who made a version: their name, else their email, else "Someone" (a deleted account). */
export function authorOf(createdBy: { name?: string | null; email?: string | null } | null | undefined): string {
  return createdBy?.name?.trim() || createdBy?.email?.trim() || "Someone";
}

/** "Live in 2 deployments"; null when the version is not deployed. */
export function deploymentLabel(count: number | undefined): string | null {
  if (!count) return null;
  return `Live in ${count} deployment${count === 1 ? "" : "s"}`;
}

/** Why a publish note cannot be used; null when it is fine. */
export function noteProblem(note: string): string | null {
  if (!note.trim()) return "Say what changed in this version.";
  if (note.trim().length > NOTE_MAX) return `Keep it under ${NOTE_MAX} characters.`;
  return null;
}

/** The tRPC error code of a failed call (e.g. "CONFLICT"), if any. */
export function errorCodeOf(error: unknown): string | undefined {
  const data = (error as { data?: { code?: unknown } } | null)?.data;
  return typeof data?.code === "string" ? data.code : undefined;
}

/** A failed publish, in words the builder can act on. */
export function publishErrorMessage(error: unknown): string {
  if (errorCodeOf(error) === "CONFLICT") {
    return "The draft was changed elsewhere (another tab or a teammate) since you opened this. Review the changes and publish again.";
  }
  return messageOf(error);
}

/** The draft, as a side of a comparison. */
export const DRAFT = "draft";

/** Ticks or unticks one item to compare; ticking a third drops the earliest ticked. */
export function toggleCompare(selected: readonly string[], id: string, max = 2): string[] {
  if (selected.includes(id)) return selected.filter((s) => s !== id);
  return [...selected, id].slice(-max);
}

/** The two sides of a comparison, older first: versions by number, the draft after every version. */
export function orderCompared(
  selected: readonly string[],
  numberOf: (versionId: string) => number | undefined,
): [string, string] | null {
  const [a, b] = selected;
  if (a === undefined || b === undefined) return null;
  const rank = (id: string) => (id === DRAFT ? Number.POSITIVE_INFINITY : (numberOf(id) ?? 0));
  return rank(a) <= rank(b) ? [a, b] : [b, a];
}
