import type { Prisma } from "@pixel/db";
import {
  type DeploymentRateLimits,
  type DeploymentTheme,
  deploymentRateLimitsSchema,
  deploymentThemeSchema,
} from "../../services/deployments/index.ts";

/** A parsed setting as stored JSON (undefined properties dropped). */
function asJson(value: DeploymentTheme | DeploymentRateLimits): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject;
}

/** The theme to store: the given one (defaults filled by its schema) or, for null/undefined, the defaults. */
export function themeJson(theme: DeploymentTheme | null | undefined): Prisma.InputJsonObject {
  return asJson(theme ?? deploymentThemeSchema.parse({}));
}

export function rateLimitsJson(limits: DeploymentRateLimits | null | undefined): Prisma.InputJsonObject {
  return asJson(limits ?? deploymentRateLimitsSchema.parse({}));
}

/** Whether two settings objects hold the same values (compared as stored). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
