import { router } from "../trpc/init.ts";
import { apiTokensRouter } from "./apiTokens/_router.ts";
import { auditRouter } from "./audit/_router.ts";
import { authRouter } from "./auth/_router.ts";
import { invitationsRouter } from "./invitations/_router.ts";
import { membersRouter } from "./members/_router.ts";
import { organizationRouter } from "./organization/_router.ts";

export const appRouter = router({
  auth: authRouter,
  organization: organizationRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  apiTokens: apiTokensRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
