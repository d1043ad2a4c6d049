import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { createBotHandler } from "./create.handler.ts";
import { createBotSchema } from "./create.schema.ts";
import { deleteBotHandler } from "./delete.handler.ts";
import { deleteBotSchema } from "./delete.schema.ts";
import { duplicateBotHandler } from "./duplicate.handler.ts";
import { duplicateBotSchema } from "./duplicate.schema.ts";
import { getBotHandler } from "./get.handler.ts";
import { getBotSchema } from "./get.schema.ts";
import { listBotsHandler } from "./list.handler.ts";
import { listBotsSchema } from "./list.schema.ts";
import { renameBotHandler } from "./rename.handler.ts";
import { renameBotSchema } from "./rename.schema.ts";

/** Bots of the active organization: everyone reads them, editors and up create and change them. */
export const botsRouter = router({
  list: procedure({ scope: "organization", minRole: "viewer" }).input(listBotsSchema).query(listBotsHandler),
  get: procedure({ scope: "organization", minRole: "viewer" }).input(getBotSchema).query(getBotHandler),
  create: procedure({ scope: "organization", minRole: "editor" }).input(createBotSchema).mutation(createBotHandler),
  rename: procedure({ scope: "organization", minRole: "editor" }).input(renameBotSchema).mutation(renameBotHandler),
  duplicate: procedure({ scope: "organization", minRole: "editor" })
    .input(duplicateBotSchema)
    .mutation(duplicateBotHandler),
  delete: procedure({ scope: "organization", minRole: "editor" }).input(deleteBotSchema).mutation(deleteBotHandler),
});
