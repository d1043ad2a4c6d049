import type { AppRouter } from "@pixel/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

export type BotSummary = Outputs["bots"]["list"]["items"][number];
