import { z } from "zod";
import {
  allowedDomainsSchema,
  channelsSchema,
  deploymentNameSchema,
  environmentSchema,
  rateLimitsInputSchema,
  themeInputSchema,
  updateSlugSchema,
} from "./create.schema.ts";

/** Every field but the id is optional: left out = unchanged. The bot of a deployment never changes. */
export const updateDeploymentSchema = z.object({
  deploymentId: z.string().min(1).max(64),
  name: deploymentNameSchema.optional(),
  slug: updateSlugSchema.optional(),
  /** null = always the bot's latest published version. */
  flowVersionId: z.string().min(1).max(64).nullable().optional(),
  channels: channelsSchema.optional(),
  environment: environmentSchema.optional(),
  allowedDomains: allowedDomainsSchema.optional(),
  rateLimits: rateLimitsInputSchema.optional(),
  theme: themeInputSchema.optional(),
});
export type UpdateDeploymentInput = z.infer<typeof updateDeploymentSchema>;
