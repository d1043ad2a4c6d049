import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { acceptInvitationHandler } from "./accept.handler.ts";
import { createInvitationHandler } from "./create.handler.ts";
import { createInvitationSchema } from "./create.schema.ts";
import { listInvitationsHandler } from "./list.handler.ts";
import { previewInvitationHandler } from "./preview.handler.ts";
import { revokeInvitationHandler } from "./revoke.handler.ts";
import { revokeInvitationSchema } from "./revoke.schema.ts";
import { invitationTokenSchema } from "./token.schema.ts";

export const invitationsRouter = router({
  list: procedure({ scope: "organization", minRole: "admin" }).query(listInvitationsHandler),
  create: procedure({ scope: "organization", minRole: "admin", rateLimit: { points: 50, duration: 3600 } })
    .input(createInvitationSchema)
    .mutation(createInvitationHandler),
  revoke: procedure({ scope: "organization", minRole: "admin" })
    .input(revokeInvitationSchema)
    .mutation(revokeInvitationHandler),
  preview: procedure({ scope: "public", rateLimit: { points: 60, duration: 60 } })
    .input(invitationTokenSchema)
    .query(previewInvitationHandler),
  accept: procedure({ scope: "user", rateLimit: { points: 20, duration: 60 } })
    .input(invitationTokenSchema)
    .mutation(acceptInvitationHandler),
});
