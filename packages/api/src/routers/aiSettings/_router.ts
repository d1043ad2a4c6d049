import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { getAiSettingsHandler } from "./get.handler.ts";
import { updateAiSettingsHandler } from "./update.handler.ts";
import { updateAiSettingsSchema } from "./update.schema.ts";

/** The organization's AI defaults: fallback order, unavailable text, alert webhook, cooldown, prices. */
export const aiSettingsRouter = router({
  get: procedure({ scope: "organization", minRole: "admin" }).query(getAiSettingsHandler),
  update: procedure({ scope: "organization", minRole: "admin" })
    .input(updateAiSettingsSchema)
    .mutation(updateAiSettingsHandler),
});
