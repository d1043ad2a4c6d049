import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { deleteBudgetHandler } from "./delete.handler.ts";
import { deleteBudgetSchema } from "./delete.schema.ts";
import { listBudgetsHandler } from "./list.handler.ts";
import { upsertBudgetHandler } from "./upsert.handler.ts";
import { upsertBudgetSchema } from "./upsert.schema.ts";

/** Monthly spending limits of the organization, its bots and its keys. */
export const budgetsRouter = router({
  list: procedure({ scope: "organization", minRole: "admin" }).query(listBudgetsHandler),
  upsert: procedure({ scope: "organization", minRole: "admin" })
    .input(upsertBudgetSchema)
    .mutation(upsertBudgetHandler),
  delete: procedure({ scope: "organization", minRole: "admin" })
    .input(deleteBudgetSchema)
    .mutation(deleteBudgetHandler),
});
