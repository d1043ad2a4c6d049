import type { AppRouter } from "@pixel/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

export type DeploymentSummary = Outputs["deployments"]["list"][number];
export type DeploymentDetail = Outputs["deployments"]["get"];
export type DeploymentKey = Outputs["deployments"]["listKeys"][number];
export type DeploymentChannel = DeploymentSummary["channels"][number];
export type DeploymentTheme = DeploymentDetail["theme"];
