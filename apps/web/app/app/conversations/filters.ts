import { CHANNELS, type Channel, type ConversationStatus, STATUSES } from "./shared";

/**
 * The list's filters as they live in the URL, so a filtered view can be shared, reloaded and undone with Back:
 * ?deployment=…&channel=hosted,widget&status=ended&from=2026-11-01&to=2026-11-30&q=refund&previews=1
 */
export interface ConversationFilters {
  deploymentId: string;
  channels: Channel[];
  status: ConversationStatus | "";
  /** Local days, "YYYY-MM-DD" (what <input type="date"> holds). */
  from: string;
  to: string;
  search: string;
  includePreview: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A local day's start (or end) as an instant, or null when the text is not a real day. */
export function dayBound(day: string, edge: "start" | "end"): Date | null {
  if (!DAY.test(day)) return null;
  const [y = 0, m = 0, d = 0] = day.split("-").map(Number);
  const date = edge === "start" ? new Date(y, m - 1, d) : new Date(y, m - 1, d, 23, 59, 59, 999);
  // new Date(2026, 1, 31) rolls over to March: such a day does not exist.
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return null;
  return date;
}

export function readFilters(params: URLSearchParams): ConversationFilters {
  const channelValues = new Set((params.get("channel") ?? "").split(","));
  const status = params.get("status") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return {
    deploymentId: params.get("deployment") ?? "",
    channels: CHANNELS.map((c) => c.value).filter((c) => channelValues.has(c)),
    status: STATUSES.some((s) => s.value === status) ? (status as ConversationStatus) : "",
    from: dayBound(from, "start") ? from : "",
    to: dayBound(to, "end") ? to : "",
    search: (params.get("q") ?? "").trim(),
    includePreview: params.get("previews") === "1",
  };
}

/** The URL query for `filters`, keeping parameters this page does not own. */
export function writeFilters(filters: ConversationFilters, current: URLSearchParams): string {
  const next = new URLSearchParams(current.toString());
  const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
  set("deployment", filters.deploymentId);
  set("channel", filters.channels.join(","));
  set("status", filters.status);
  set("from", filters.from);
  set("to", filters.to);
  set("q", filters.search.trim());
  set("previews", filters.includePreview ? "1" : "");
  return next.toString();
}

export function hasFilters(filters: ConversationFilters): boolean {
  return Boolean(
    filters.deploymentId ||
      filters.channels.length ||
      filters.status ||
      filters.from ||
      filters.to ||
      filters.search ||
      filters.includePreview,
  );
}

/** The range ends before it starts: nothing to ask the server. */
export function rangeProblem(filters: ConversationFilters): string | null {
  const from = dayBound(filters.from, "start");
  const to = dayBound(filters.to, "end");
  return from && to && from.getTime() > to.getTime() ? "The end date is before the start date." : null;
}

/** The list procedure's input: local days become the instants they start and end at. */
export function listInput(filters: ConversationFilters, limit: number) {
  return {
    limit,
    deploymentId: filters.deploymentId || undefined,
    channel: filters.channels.length ? filters.channels : undefined,
    status: filters.status || undefined,
    from: dayBound(filters.from, "start")?.toISOString(),
    to: dayBound(filters.to, "end")?.toISOString(),
    search: filters.search || undefined,
    includePreview: filters.includePreview,
  };
}
