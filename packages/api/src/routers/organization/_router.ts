import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { createOrganizationHandler } from "./create.handler.ts";
import { createOrganizationSchema } from "./create.schema.ts";
import { currentOrganizationHandler } from "./current.handler.ts";
import { listOrganizationsHandler } from "./list.handler.ts";
import { updateOrganizationHandler } from "./update.handler.ts";
import { updateOrganizationSchema } from "./update.schema.ts";

export const organizationRouter = router({
  current: procedure({ scope: "organization", minRole: "viewer" }).query(currentOrganizationHandler),
  list: procedure({ scope: "user" }).query(listOrganizationsHandler),
  create: procedure({ scope: "user", rateLimit: { points: 20, duration: 3600 } })
    .input(createOrganizationSchema)
    .mutation(createOrganizationHandler),
  update: procedure({ scope: "organization", minRole: "admin" })
    .input(updateOrganizationSchema)
    .mutation(updateOrganizationHandler),
});
