import { z } from "zod";
import {
  allowedDomainSchema,
  DEPLOYMENT_CHANNELS,
  deploymentRateLimitsSchema,
  deploymentThemeSchema,
} from "../../services/deployments/index.ts";
import { SLUG_MAX, SLUG_MIN } from "./shared.ts";

export const DEPLOYMENT_NAME_MAX = 80;
export const ALLOWED_DOMAINS_MAX = 50;

const idSchema = z.string().min(1).max(64);

export const deploymentNameSchema = z.string().trim().min(1, "Name the deployment").max(DEPLOYMENT_NAME_MAX);

/** The address part of /c/<slug>: lowercase letters, digits and single hyphens between them. */
const slugRules = z
  .string()
  .trim()
  .toLowerCase()
  .min(SLUG_MIN, `Use at least ${SLUG_MIN} characters`)
  .max(SLUG_MAX, `Use at most ${SLUG_MAX} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and hyphens (not at the start or end)");

/**
 * Slugs are unique across every organization, so the two examples differ: generated sample inputs
 * (test/sample-input.ts) of create and update then never ask for the same address.
 */
export const createSlugSchema = slugRules.meta({ examples: ["acme-support"] });
export const updateSlugSchema = slugRules.meta({ examples: ["acme-help-desk"] });

export const channelsSchema = z
  .array(z.enum(DEPLOYMENT_CHANNELS))
  .min(1, "Pick at least one channel")
  .max(DEPLOYMENT_CHANNELS.length);

export const environmentSchema = z.enum(["staging", "production"]);

export const allowedDomainsSchema = z
  .array(allowedDomainSchema)
  .max(ALLOWED_DOMAINS_MAX, `List at most ${ALLOWED_DOMAINS_MAX} domains`);

/**
 * Theme and limits replace what is stored; missing properties take their defaults, and `null` resets
 * all of them. (`null` is the union's first option, so generated sample inputs send the defaults
 * rather than a colour or URL they cannot make up.)
 */
export const themeInputSchema = z.union([z.null(), deploymentThemeSchema]);
export const rateLimitsInputSchema = z.union([z.null(), deploymentRateLimitsSchema]);

export const createDeploymentSchema = z.object({
  botId: idSchema,
  name: deploymentNameSchema,
  /** Left out: made from the name plus a short random suffix. */
  slug: createSlugSchema.optional(),
  /** null = always the bot's latest published version. */
  flowVersionId: idSchema.nullable(),
  channels: channelsSchema,
  environment: environmentSchema.default("production"),
  /** Empty = any site may embed the widget. */
  allowedDomains: allowedDomainsSchema.default([]),
  rateLimits: rateLimitsInputSchema.optional(),
  theme: themeInputSchema.optional(),
});
export type CreateDeploymentInput = z.infer<typeof createDeploymentSchema>;
