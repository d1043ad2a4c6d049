"use client";
import { Alert, Button, Card, CardHeader, cn } from "@pixel/ui";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useMemo, useState } from "react";
import { PageHeader } from "@/components/page-header";
import { messageOf } from "@/lib/errors";
import { formatCount, formatUsd } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { providerLook } from "../providers/presets";
import { BreakdownChart, ChartEmpty, type Datum, DayChart, type Metric, PROVIDER_COLORS } from "./charts";
import { lastDays, RANGES, type RangeDays, shortDay } from "./range";

const METRICS: { value: Metric; label: string }[] = [
  { value: "cost", label: "Cost" },
  { value: "calls", label: "Calls" },
  { value: "tokens", label: "Tokens" },
];

function Segmented<T extends string | number>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="inline-flex rounded-lg bg-slate-100 p-0.5 dark:bg-slate-800">
      <legend className="sr-only">{label}</legend>
      {options.map((o) => (
        <button
          key={String(o.value)}
          type="button"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
          className={cn(
            "rounded-md px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-indigo-500",
            o.value === value
              ? "bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-slate-100"
              : "text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100",
          )}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}

function Stat({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <Card className="p-5">
      <p className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">{label}</p>
      <p className="mt-2 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
      {detail ? <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{detail}</p> : null}
    </Card>
  );
}

function ChartCard({
  title,
  description,
  className,
  children,
}: {
  title: string;
  description?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card className={className}>
      <CardHeader title={title} description={description} />
      <div className="p-5">{children}</div>
    </Card>
  );
}

export function UsageView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [days, setDays] = useState<RangeDays>(30);
  const [metric, setMetric] = useState<Metric>("cost");
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  // The range is fixed when chosen (not recomputed every render) so the query key stays stable.
  const range = useMemo(() => lastDays(days), [days]);
  const summary = useQuery(trpc.usage.summary.queryOptions(range, { placeholderData: keepPreviousData }));
  const data = summary.data;
  const empty = data ? data.totals.calls === 0 : false;

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    try {
      const file = await queryClient.fetchQuery(trpc.usage.csv.queryOptions(range, { staleTime: 0 }));
      const url = URL.createObjectURL(new Blob([file.csv], { type: file.contentType }));
      const link = document.createElement("a");
      link.href = url;
      link.download = file.filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
    } catch (error) {
      setExportError(messageOf(error));
    } finally {
      setExporting(false);
    }
  }

  const providersLink = (
    <Link href="/app/providers" className="text-indigo-700 underline dark:text-indigo-300">
      AI providers
    </Link>
  );
  const empty_ = (title: string, text: ReactNode) => (
    <ChartEmpty>
      <p className="font-medium text-slate-700 dark:text-slate-300">{title}</p>
      <p>{text}</p>
    </ChartEmpty>
  );

  const byProvider: Datum[] = (data?.byProvider ?? []).map((p) => ({
    ...p,
    name: providerLook(p.provider).name,
    color: PROVIDER_COLORS[p.provider],
  }));
  const byModel: Datum[] = (data?.byModel ?? []).map((m) => ({
    ...m,
    name: m.model,
    detail: providerLook(m.provider).name,
    color: PROVIDER_COLORS[m.provider],
  }));
  const byBot: Datum[] = (data?.byBot ?? []).map((b) => ({ ...b, name: b.botName }));

  return (
    <>
      <PageHeader
        title="Usage"
        description="AI calls, tokens and cost across your bots, counted per UTC day."
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <Segmented
              label="Period"
              value={days}
              options={RANGES.map((d) => ({ value: d, label: `${d} days` }))}
              onChange={setDays}
            />
            <Button variant="secondary" loading={exporting} onClick={exportCsv}>
              {!exporting ? <Download className="size-4" aria-hidden /> : null}
              Export CSV
            </Button>
          </div>
        }
      />
      {exportError ? (
        <div className="mb-4">
          <Alert>Could not export: {exportError}</Alert>
        </div>
      ) : null}
      {summary.error ? (
        <div className="mb-4">
          <Alert>{messageOf(summary.error)}</Alert>
        </div>
      ) : null}
      <div className={cn("space-y-6 transition-opacity", summary.isPlaceholderData && "opacity-60")}>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Stat
            label="Calls"
            testId="usage-calls"
            value={data ? formatCount(data.totals.calls) : "…"}
            detail={data ? `${shortDay(data.from)} – ${shortDay(data.to)}` : undefined}
          />
          <Stat label="Tokens in" testId="usage-tokens-in" value={data ? formatCount(data.totals.tokensIn) : "…"} />
          <Stat label="Tokens out" testId="usage-tokens-out" value={data ? formatCount(data.totals.tokensOut) : "…"} />
          <Stat
            label="Cost"
            testId="usage-cost"
            value={data ? formatUsd(data.totals.costUsd) : "…"}
            detail="At catalogue prices, or yours"
          />
        </div>

        <div className="flex items-center justify-between gap-3">
          <h2 className="text-sm font-semibold text-slate-700 dark:text-slate-300">Breakdown</h2>
          <Segmented label="Chart values" value={metric} options={METRICS} onChange={setMetric} />
        </div>

        <ChartCard title={metric === "cost" ? "Cost by day" : metric === "calls" ? "Calls by day" : "Tokens by day"}>
          {!data ? (
            <div className="h-64" />
          ) : empty ? (
            <div className="h-64">
              {empty_(
                "No AI calls in this period",
                <>Usage appears here once a bot answers through one of your {providersLink}.</>,
              )}
            </div>
          ) : (
            <DayChart data={data.byDay} metric={metric} />
          )}
        </ChartCard>

        <div className="grid gap-6 lg:grid-cols-2">
          <ChartCard title="By provider">
            {!data ? null : byProvider.length ? (
              <BreakdownChart data={byProvider} metric={metric} testId="chart-by-provider" />
            ) : (
              empty_("No provider called in this period", "Each provider's share appears here after its first answer.")
            )}
          </ChartCard>
          <ChartCard title="By bot">
            {!data ? null : byBot.length ? (
              <BreakdownChart data={byBot} metric={metric} testId="chart-by-bot" />
            ) : (
              empty_("No bot used AI in this period", "Spend per bot appears here once bots answer with AI.")
            )}
          </ChartCard>
        </div>
        <ChartCard title="By model">
          {!data ? null : byModel.length ? (
            <BreakdownChart data={byModel} metric={metric} testId="chart-by-model" />
          ) : (
            empty_(
              "No model used in this period",
              "Every model called in this period is listed here, with its provider.",
            )
          )}
        </ChartCard>
      </div>
    </>
  );
}
