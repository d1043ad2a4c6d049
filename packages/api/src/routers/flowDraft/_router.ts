import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { getDraftHandler } from "./get.handler.ts";
import { getDraftSchema } from "./get.schema.ts";
import { saveDraftHandler } from "./save.handler.ts";
import { saveDraftSchema } from "./save.schema.ts";

export const flowDraftRouter = router({
  get: procedure({ scope: "organization", minRole: "viewer" }).input(getDraftSchema).query(getDraftHandler),
  // Autosave sends at most about one save a second per open designer.
  save: procedure({ scope: "organization", minRole: "editor", rateLimit: { points: 300, duration: 60 } })
    .input(saveDraftSchema)
    .mutation(saveDraftHandler),
});
