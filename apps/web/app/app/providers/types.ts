import type { AppRouter } from "@pixel/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

export type ProviderKeyItem = Outputs["providerKeys"]["list"][number];
export type Catalogue = Outputs["usage"]["catalogue"];
export type CatalogueModel = Catalogue["models"][number];
export type AiSettings = Outputs["aiSettings"]["get"];
export type Budget = Outputs["budgets"]["list"][number];
