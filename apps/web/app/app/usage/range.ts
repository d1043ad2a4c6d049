/** Usage is counted in UTC days (like the daily aggregates and budget months). */

export const RANGES = [7, 30, 90] as const;
export type RangeDays = (typeof RANGES)[number];

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" in UTC. */
export function utcDayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last `days` UTC days, today included: { from, to } as "YYYY-MM-DD". */
export function lastDays(days: number, now: Date = new Date()): { from: string; to: string } {
  return { from: utcDayKey(new Date(now.getTime() - (days - 1) * DAY_MS)), to: utcDayKey(now) };
}

/** "2026-11-03" → "Nov 3" (the day as stored, whatever the viewer's time zone). */
export function shortDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** "2026-11-03" → "Tuesday, November 3, 2026". */
export function longDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString("en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
}
