"use client";
import { BarChart3 } from "lucide-react";
import type { ReactNode } from "react";
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import { formatCount, formatUsd } from "@/lib/format";
import { longDay, shortDay } from "./range";

export type Metric = "cost" | "calls" | "tokens";

export interface Totals {
  calls: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
}

export interface Datum extends Totals {
  name: string;
  /** Secondary text in the tooltip (a model's provider). */
  detail?: string;
  color?: string;
}

export function metricValue(t: Totals, metric: Metric): number {
  return metric === "cost" ? t.costUsd : metric === "calls" ? t.calls : t.tokensIn + t.tokensOut;
}

export function formatMetric(value: number, metric: Metric, short = false): string {
  if (metric === "cost") return short ? formatUsd(value, "short") : formatUsd(value);
  return formatCount(value, short);
}

/** Colours that read on white and on slate-900. */
export const PROVIDER_COLORS: Record<string, string> = {
  openai: "#10b981",
  anthropic: "#f97316",
  google: "#0ea5e9",
  mistral: "#f59e0b",
  "openai-compatible": "#8b5cf6",
  custom: "#64748b",
};
export const ACCENT = "#6366f1";

const tick = { fill: "currentColor", fontSize: 12 };

/** Honest empty state inside a chart card: nothing is drawn when nothing happened. */
export function ChartEmpty({ children }: { children: ReactNode }) {
  return (
    <div
      className="flex h-full min-h-40 flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-slate-300 px-6 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400"
      data-testid="chart-empty"
    >
      <BarChart3 className="size-6 text-slate-400 dark:text-slate-500" aria-hidden />
      {children}
    </div>
  );
}

function TooltipBox({
  title,
  detail,
  totals,
  metric,
}: {
  title: string;
  detail?: string;
  totals: Totals;
  metric: Metric;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900">
      <p className="font-semibold text-slate-900 dark:text-slate-100">{title}</p>
      {detail ? <p className="text-slate-500 dark:text-slate-400">{detail}</p> : null}
      <dl className="mt-1.5 grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5 text-slate-600 tabular-nums dark:text-slate-300">
        <dt className={metric === "cost" ? "font-semibold" : undefined}>Cost</dt>
        <dd className="text-right">{formatUsd(totals.costUsd)}</dd>
        <dt className={metric === "calls" ? "font-semibold" : undefined}>Calls</dt>
        <dd className="text-right">{formatCount(totals.calls)}</dd>
        <dt className={metric === "tokens" ? "font-semibold" : undefined}>Tokens in</dt>
        <dd className="text-right">{formatCount(totals.tokensIn)}</dd>
        <dt className={metric === "tokens" ? "font-semibold" : undefined}>Tokens out</dt>
        <dd className="text-right">{formatCount(totals.tokensOut)}</dd>
      </dl>
    </div>
  );
}

export function DayChart({ data, metric }: { data: (Totals & { day: string })[]; metric: Metric }) {
  const rows = data.map((d) => ({ ...d, value: metricValue(d, metric) }));
  return (
    <div className="h-64 text-slate-500 dark:text-slate-400" data-testid="chart-by-day">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <defs>
            <linearGradient id="usage-area" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor={ACCENT} stopOpacity={0.35} />
              <stop offset="100%" stopColor={ACCENT} stopOpacity={0.02} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={tick} axisLine={false} tickLine={false} minTickGap={24} />
          <YAxis
            tickFormatter={(v: number) => formatMetric(v, metric, true)}
            tick={tick}
            axisLine={false}
            tickLine={false}
            width={64}
            allowDecimals={metric === "cost"}
          />
          <Tooltip
            cursor={{ stroke: "currentColor", strokeOpacity: 0.3 }}
            content={(props: TooltipContentProps) => {
              const row = props.active ? (props.payload?.[0]?.payload as (typeof rows)[number] | undefined) : undefined;
              return row ? <TooltipBox title={longDay(row.day)} totals={row} metric={metric} /> : null;
            }}
          />
          <Area
            type="monotone"
            dataKey="value"
            stroke={ACCENT}
            strokeWidth={2}
            fill="url(#usage-area)"
            animationDuration={400}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Horizontal bars, biggest first: provider, model or bot. */
export function BreakdownChart({ data, metric, testId }: { data: Datum[]; metric: Metric; testId: string }) {
  const rows = data.map((d) => ({ ...d, value: metricValue(d, metric) })).sort((a, b) => b.value - a.value);
  const shown = rows.slice(0, 10);
  const height = Math.max(140, shown.length * 36 + 32);
  return (
    <div className="text-slate-500 dark:text-slate-400" data-testid={testId}>
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={shown}
            layout="vertical"
            margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
            barCategoryGap={8}
          >
            <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
            <XAxis
              type="number"
              tickFormatter={(v: number) => formatMetric(v, metric, true)}
              tick={tick}
              axisLine={false}
              tickLine={false}
              allowDecimals={metric === "cost"}
            />
            <YAxis
              type="category"
              dataKey="name"
              tick={tick}
              axisLine={false}
              tickLine={false}
              width={150}
              tickFormatter={(name: string) => (name.length > 22 ? `${name.slice(0, 21)}…` : name)}
            />
            <Tooltip
              cursor={{ fill: "currentColor", fillOpacity: 0.06 }}
              content={(props: TooltipContentProps) => {
                const row = props.active ? (props.payload?.[0]?.payload as Datum | undefined) : undefined;
                return row ? <TooltipBox title={row.name} detail={row.detail} totals={row} metric={metric} /> : null;
              }}
            />
            <Bar
              dataKey="value"
              radius={[0, 4, 4, 0]}
              maxBarSize={24}
              animationDuration={400}
              shape={(props: BarShapeProps) => (
                <Rectangle {...props} fill={(props.payload as Datum | undefined)?.color ?? ACCENT} />
              )}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      {rows.length > shown.length ? (
        <p className="mt-1 text-xs">
          Top {shown.length} of {rows.length}; the CSV export has them all.
        </p>
      ) : null}
    </div>
  );
}
