import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { listAuditHandler } from "./list.handler.ts";
import { listAuditSchema } from "./list.schema.ts";

export const auditRouter = router({
  list: procedure({ scope: "organization", minRole: "admin" }).input(listAuditSchema).query(listAuditHandler),
});
