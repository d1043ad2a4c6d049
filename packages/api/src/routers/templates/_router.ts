import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { archiveTemplateHandler } from "./archive.handler.ts";
import { templateForBotHandler } from "./forBot.handler.ts";
import { templateForBotSchema } from "./forBot.schema.ts";
import { myTemplatesHandler } from "./mine.handler.ts";
import { publishTemplateHandler } from "./publish.handler.ts";
import { publishTemplateSchema } from "./publish.schema.ts";
import { rateTemplateHandler } from "./rate.handler.ts";
import { rateTemplateSchema } from "./rate.schema.ts";
import { templateIdSchema } from "./templateId.schema.ts";
import { unpublishTemplateHandler } from "./unpublish.handler.ts";
import { useTemplateHandler } from "./use.handler.ts";
import { useTemplateSchema } from "./use.schema.ts";

/**
 * The template gallery's actions. Browsing (gallery, template page) needs no sign-in and is served by the
 * pages through services/templates directly; here: starting a bot from a template (editors), rating (any
 * signed-in user), and publishing the organization's bots as templates (admins).
 */
export const templatesRouter = router({
  use: procedure({ scope: "organization", minRole: "editor" }).input(useTemplateSchema).mutation(useTemplateHandler),
  rate: procedure({ scope: "user", rateLimit: { points: 30, duration: 60 } })
    .input(rateTemplateSchema)
    .mutation(rateTemplateHandler),
  publish: procedure({ scope: "organization", minRole: "admin" })
    .input(publishTemplateSchema)
    .mutation(publishTemplateHandler),
  unpublish: procedure({ scope: "organization", minRole: "admin" })
    .input(templateIdSchema)
    .mutation(unpublishTemplateHandler),
  archive: procedure({ scope: "organization", minRole: "admin" })
    .input(templateIdSchema)
    .mutation(archiveTemplateHandler),
  mine: procedure({ scope: "organization", minRole: "viewer" }).query(myTemplatesHandler),
  forBot: procedure({ scope: "organization", minRole: "viewer" })
    .input(templateForBotSchema)
    .query(templateForBotHandler),
});
