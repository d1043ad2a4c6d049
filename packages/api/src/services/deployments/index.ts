export { forgetDeployment, type ResolvedDeployment, resolveDeployment } from "./resolve.ts";
export {
  allowedDomainSchema,
  DEPLOYMENT_CHANNELS,
  type DeploymentChannel,
  type DeploymentRateLimits,
  type DeploymentTheme,
  deploymentRateLimitsSchema,
  deploymentThemeSchema,
  originAllowed,
  readRateLimits,
  readTheme,
} from "./settings.ts";
