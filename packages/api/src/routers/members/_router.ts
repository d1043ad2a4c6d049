import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { leaveOrganizationHandler } from "./leave.handler.ts";
import { leaveOrganizationSchema } from "./leave.schema.ts";
import { listMembersHandler } from "./list.handler.ts";
import { removeMemberHandler } from "./remove.handler.ts";
import { removeMemberSchema } from "./remove.schema.ts";
import { updateRoleHandler } from "./updateRole.handler.ts";
import { updateRoleSchema } from "./updateRole.schema.ts";

export const membersRouter = router({
  list: procedure({ scope: "organization", minRole: "viewer" }).query(listMembersHandler),
  updateRole: procedure({ scope: "organization", minRole: "admin" })
    .input(updateRoleSchema)
    .mutation(updateRoleHandler),
  remove: procedure({ scope: "organization", minRole: "admin" })
    .input(removeMemberSchema)
    .mutation(removeMemberHandler),
  leave: procedure({ scope: "user" }).input(leaveOrganizationSchema).mutation(leaveOrganizationHandler),
});
