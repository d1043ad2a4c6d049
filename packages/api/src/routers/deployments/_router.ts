import { router } from "../../trpc/init.ts";
import { procedure } from "../../trpc/procedure.ts";
import { createDeploymentHandler } from "./create.handler.ts";
import { createDeploymentSchema } from "./create.schema.ts";
import { createDeploymentKeyHandler } from "./createKey.handler.ts";
import { createDeploymentKeySchema } from "./createKey.schema.ts";
import { deleteDeploymentHandler } from "./delete.handler.ts";
import { deleteDeploymentSchema } from "./delete.schema.ts";
import { getDeploymentHandler } from "./get.handler.ts";
import { deploymentIdSchema } from "./get.schema.ts";
import { listDeploymentsHandler } from "./list.handler.ts";
import { listDeploymentsSchema } from "./list.schema.ts";
import { listDeploymentKeysHandler } from "./listKeys.handler.ts";
import { listDeploymentKeysSchema } from "./listKeys.schema.ts";
import { revokeDeploymentKeyHandler } from "./revokeKey.handler.ts";
import { revokeDeploymentKeySchema } from "./revokeKey.schema.ts";
import { setDeploymentStatusHandler } from "./setStatus.handler.ts";
import { setDeploymentStatusSchema } from "./setStatus.schema.ts";
import { updateDeploymentHandler } from "./update.handler.ts";
import { updateDeploymentSchema } from "./update.schema.ts";

/**
 * Where a published bot is served (hosted page, widget, REST and OpenAI-compatible APIs): everyone reads
 * them, editors create, change, pause them and manage their API keys, admins delete them.
 */
export const deploymentsRouter = router({
  list: procedure({ scope: "organization", minRole: "viewer" })
    .input(listDeploymentsSchema)
    .query(listDeploymentsHandler),
  get: procedure({ scope: "organization", minRole: "viewer" }).input(deploymentIdSchema).query(getDeploymentHandler),
  create: procedure({ scope: "organization", minRole: "editor" })
    .input(createDeploymentSchema)
    .mutation(createDeploymentHandler),
  update: procedure({ scope: "organization", minRole: "editor" })
    .input(updateDeploymentSchema)
    .mutation(updateDeploymentHandler),
  setStatus: procedure({ scope: "organization", minRole: "editor" })
    .input(setDeploymentStatusSchema)
    .mutation(setDeploymentStatusHandler),
  delete: procedure({ scope: "organization", minRole: "admin" })
    .input(deleteDeploymentSchema)
    .mutation(deleteDeploymentHandler),
  createKey: procedure({ scope: "organization", minRole: "editor", rateLimit: { points: 60, duration: 3600 } })
    .input(createDeploymentKeySchema)
    .mutation(createDeploymentKeyHandler),
  listKeys: procedure({ scope: "organization", minRole: "viewer" })
    .input(listDeploymentKeysSchema)
    .query(listDeploymentKeysHandler),
  revokeKey: procedure({ scope: "organization", minRole: "editor" })
    .input(revokeDeploymentKeySchema)
    .mutation(revokeDeploymentKeyHandler),
});
