import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { providerKeyByIdSchema } from "./byId.schema.ts";
import { createProviderKeyHandler } from "./create.handler.ts";
import { createProviderKeySchema } from "./create.schema.ts";
import { deleteProviderKeyHandler } from "./delete.handler.ts";
import { listProviderKeysHandler } from "./list.handler.ts";
import { localOllamaHandler } from "./localOllama.handler.ts";
import { providerKeyRevisionsHandler } from "./revisions.handler.ts";
import { rotateProviderKeyHandler } from "./rotate.handler.ts";
import { rotateProviderKeySchema } from "./rotate.schema.ts";
import { setProviderKeyDisabledHandler } from "./setDisabled.handler.ts";
import { setProviderKeyDisabledSchema } from "./setDisabled.schema.ts";
import { testProviderKeyHandler } from "./test.handler.ts";
import { testProviderKeySchema } from "./test.schema.ts";
import { updateProviderKeyHandler } from "./update.handler.ts";
import { updateProviderKeySchema } from "./update.schema.ts";

/** Provider keys: only owners and admins see or manage them. Secrets go in, never out. */
export const providerKeysRouter = router({
  list: procedure({ scope: "organization", minRole: "admin" }).query(listProviderKeysHandler),
  create: procedure({ scope: "organization", minRole: "admin", rateLimit: { points: 60, duration: 3600 } })
    .input(createProviderKeySchema)
    .mutation(createProviderKeyHandler),
  update: procedure({ scope: "organization", minRole: "admin" })
    .input(updateProviderKeySchema)
    .mutation(updateProviderKeyHandler),
  test: procedure({ scope: "organization", minRole: "admin", rateLimit: { points: 30, duration: 60 } })
    .input(testProviderKeySchema)
    .mutation(testProviderKeyHandler),
  rotate: procedure({ scope: "organization", minRole: "admin", rateLimit: { points: 60, duration: 3600 } })
    .input(rotateProviderKeySchema)
    .mutation(rotateProviderKeyHandler),
  setDisabled: procedure({ scope: "organization", minRole: "admin" })
    .input(setProviderKeyDisabledSchema)
    .mutation(setProviderKeyDisabledHandler),
  delete: procedure({ scope: "organization", minRole: "admin" })
    .input(providerKeyByIdSchema)
    .mutation(deleteProviderKeyHandler),
  revisions: procedure({ scope: "organization", minRole: "admin" })
    .input(providerKeyByIdSchema)
    .query(providerKeyRevisionsHandler),
  localOllama: procedure({ scope: "organization", minRole: "admin" }).query(localOllamaHandler),
});
