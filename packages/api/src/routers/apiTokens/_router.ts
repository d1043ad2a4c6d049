import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { createApiTokenHandler } from "./create.handler.ts";
import { createApiTokenSchema } from "./create.schema.ts";
import { listApiTokensHandler } from "./list.handler.ts";
import { revokeApiTokenHandler } from "./revoke.handler.ts";
import { revokeApiTokenSchema } from "./revoke.schema.ts";

export const apiTokensRouter = router({
  list: procedure({ scope: "organization", minRole: "editor" }).query(listApiTokensHandler),
  create: procedure({ scope: "organization", minRole: "editor", rateLimit: { points: 30, duration: 3600 } })
    .input(createApiTokenSchema)
    .mutation(createApiTokenHandler),
  revoke: procedure({ scope: "organization", minRole: "editor" })
    .input(revokeApiTokenSchema)
    .mutation(revokeApiTokenHandler),
});
