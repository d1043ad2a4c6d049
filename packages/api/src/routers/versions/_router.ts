import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { getVersionHandler } from "./get.handler.ts";
import { listVersionsHandler } from "./list.handler.ts";
import { listVersionsSchema, versionIdSchema } from "./list.schema.ts";
import { publishHandler } from "./publish.handler.ts";
import { publishSchema, republishSchema } from "./publish.schema.ts";
import { republishHandler } from "./republish.handler.ts";
import { restoreHandler } from "./restore.handler.ts";

export const versionsRouter = router({
  list: procedure({ scope: "organization", minRole: "viewer" }).input(listVersionsSchema).query(listVersionsHandler),
  get: procedure({ scope: "organization", minRole: "viewer" }).input(versionIdSchema).query(getVersionHandler),
  publish: procedure({ scope: "organization", minRole: "editor" }).input(publishSchema).mutation(publishHandler),
  restore: procedure({ scope: "organization", minRole: "editor" }).input(versionIdSchema).mutation(restoreHandler),
  republish: procedure({ scope: "organization", minRole: "editor" }).input(republishSchema).mutation(republishHandler),
});
