import { z } from "zod";
import { daysBetween } from "../../services/ai/dates.ts";

export const MAX_RANGE_DAYS = 366;

/** Both days included, as UTC days ("2026-11-01" or a Date). */
export const usageRangeSchema = z.object({ from: z.coerce.date(), to: z.coerce.date() }).superRefine((range, ctx) => {
  if (range.from.getTime() > range.to.getTime()) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "must be on or after from" });
  } else if (daysBetween(range.from, range.to) > MAX_RANGE_DAYS) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `the range can span at most ${MAX_RANGE_DAYS} days` });
  }
});
export type UsageRangeInput = z.infer<typeof usageRangeSchema>;
