import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { budgetStatusHandler } from "./budgetStatus.handler.ts";
import { catalogueHandler } from "./catalogue.handler.ts";
import { usageCsvHandler } from "./csv.handler.ts";
import { usageRangeSchema } from "./range.schema.ts";
import { usageSummaryHandler } from "./summary.handler.ts";

/** Usage, cost and the model catalogue: every member may read them. */
export const usageRouter = router({
  summary: procedure({ scope: "organization", minRole: "viewer" }).input(usageRangeSchema).query(usageSummaryHandler),
  csv: procedure({ scope: "organization", minRole: "viewer", rateLimit: { points: 30, duration: 60 } })
    .input(usageRangeSchema)
    .query(usageCsvHandler),
  catalogue: procedure({ scope: "organization", minRole: "viewer" }).query(catalogueHandler),
  budgetStatus: procedure({ scope: "organization", minRole: "viewer" }).query(budgetStatusHandler),
});
