import type { AppRouter } from "@pixel/api";
import { Badge } from "@pixel/ui";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type ConversationRow = Outputs["conversations"]["list"]["items"][number];
export type ConversationDetail = Outputs["conversations"]["get"];
export type TranscriptMessage = ConversationDetail["messages"][number];

export const CHANNELS = [
  { value: "hosted", label: "Hosted page", tone: "indigo" },
  { value: "widget", label: "Widget", tone: "green" },
  { value: "api", label: "REST API", tone: "amber" },
  { value: "openai", label: "OpenAI API", tone: "amber" },
  { value: "preview", label: "Preview", tone: "neutral" },
] as const;
export type Channel = (typeof CHANNELS)[number]["value"];

export const STATUSES = [
  { value: "active", label: "Active", tone: "green" },
  { value: "waiting_for_operator", label: "Waiting for operator", tone: "amber" },
  { value: "ended", label: "Ended", tone: "neutral" },
] as const;
export type ConversationStatus = (typeof STATUSES)[number]["value"];

export function ChannelBadge({ channel }: { channel: string }) {
  const known = CHANNELS.find((c) => c.value === channel);
  return <Badge tone={known?.tone ?? "neutral"}>{known?.label ?? channel}</Badge>;
}

export function StatusBadge({ status }: { status: string }) {
  const known = STATUSES.find((s) => s.value === status);
  return <Badge tone={known?.tone ?? "neutral"}>{known?.label ?? status}</Badge>;
}

/** Message cost: always at least four decimals, so $0.000321 never reads as $0.00. */
const preciseUsd = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 4,
  maximumFractionDigits: 6,
});

export function formatCost(value: number): string {
  return preciseUsd.format(value);
}

export function formatLatency(ms: number | null): string | null {
  if (ms === null) return null;
  return ms < 1_000 ? `${ms} ms` : `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });
const monthDay = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

/** Today: "14:05"; this year: "Nov 3, 14:05"; older: the full date. */
export function formatWhen(date: Date, now: Date = new Date()): string {
  if (date.toDateString() === now.toDateString()) return timeOnly.format(date);
  if (date.getFullYear() === now.getFullYear()) return `${monthDay.format(date)}, ${timeOnly.format(date)}`;
  return dateTime.format(date);
}
