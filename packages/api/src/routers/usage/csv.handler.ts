import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";
import { botNames, usageRows } from "./aggregate.ts";
import type { UsageRangeInput } from "./range.schema.ts";

export const CSV_HEADER = ["day", "provider", "model", "bot", "calls", "tokens_in", "tokens_out", "cost_usd"];

/** RFC 4180 quoting, and no formula injection when the file is opened in a spreadsheet. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Daily usage as CSV (one row per day × provider × model × bot). */
export async function usageCsvHandler({ ctx, input }: HandlerArgs<OrganizationContext, UsageRangeInput>) {
  const { from, to, rows } = await usageRows(ctx.prisma, ctx.organizationId, input);
  const nameOf = await botNames(
    ctx.prisma,
    ctx.organizationId,
    rows.map((r) => r.botId),
  );
  const lines = [CSV_HEADER.join(",")];
  for (const row of rows) {
    lines.push(
      [
        row.day,
        row.provider,
        row.model,
        nameOf(row.botId),
        row.calls,
        row.tokensIn,
        row.tokensOut,
        row.costUsd.toFixed(6),
      ]
        .map(csvField)
        .join(","),
    );
  }
  const fromDay = from.toISOString().slice(0, 10);
  const toDay = to.toISOString().slice(0, 10);
  return {
    filename: `usage-${fromDay}-to-${toDay}.csv`,
    contentType: "text/csv; charset=utf-8",
    rows: rows.length,
    csv: `${lines.join("\r\n")}\r\n`,
  };
}
