import type { AppRouter } from "@pixel/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

export type BotSummary = Outputs["bots"]["list"]["items"][number];

/** The template published from a bot (null when none), as the publish dialog prefills it. */
export type TemplateForBot = Outputs["templates"]["forBot"];
