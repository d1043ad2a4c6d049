import { router } from "../trpc/init.ts";
import { aiSettingsRouter } from "./aiSettings/_router.ts";
import { apiTokensRouter } from "./apiTokens/_router.ts";
import { auditRouter } from "./audit/_router.ts";
import { authRouter } from "./auth/_router.ts";
import { botsRouter } from "./bots/_router.ts";
import { budgetsRouter } from "./budgets/_router.ts";
import { conversationsRouter } from "./conversations/_router.ts";
import { deploymentsRouter } from "./deployments/_router.ts";
import { flowDraftRouter } from "./flowDraft/_router.ts";
import { invitationsRouter } from "./invitations/_router.ts";
import { membersRouter } from "./members/_router.ts";
import { organizationRouter } from "./organization/_router.ts";
import { providerKeysRouter } from "./providerKeys/_router.ts";
import { templatesRouter } from "./templates/_router.ts";
import { usageRouter } from "./usage/_router.ts";
import { versionsRouter } from "./versions/_router.ts";

export const appRouter = router({
  auth: authRouter,
  organization: organizationRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  apiTokens: apiTokensRouter,
  audit: auditRouter,
  providerKeys: providerKeysRouter,
  aiSettings: aiSettingsRouter,
  budgets: budgetsRouter,
  usage: usageRouter,
  bots: botsRouter,
  flowDraft: flowDraftRouter,
  versions: versionsRouter,
  deployments: deploymentsRouter,
  conversations: conversationsRouter,
  templates: templatesRouter,
});

export type AppRouter = typeof appRouter;
