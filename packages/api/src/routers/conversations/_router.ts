import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { getConversationHandler } from "./get.handler.ts";
import { getConversationSchema } from "./get.schema.ts";
import { listConversationsHandler } from "./list.handler.ts";
import { listConversationsSchema } from "./list.schema.ts";

/** What end users said to the organization's bots and what it cost: every member may read it. */
export const conversationsRouter = router({
  list: procedure({ scope: "organization", minRole: "viewer" })
    .input(listConversationsSchema)
    .query(listConversationsHandler),
  get: procedure({ scope: "organization", minRole: "viewer" })
    .input(getConversationSchema)
    .query(getConversationHandler),
});
