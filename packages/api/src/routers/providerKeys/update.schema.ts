import { z } from "zod";
import {
  baseUrlSchema,
  expiresAtSchema,
  headersSchema,
  labelSchema,
  modelsSchema,
  providerKeyIdSchema,
} from "./fields.schema.ts";

/** Omitted fields stay as they are. */
export const updateProviderKeySchema = z.object({
  providerKeyId: providerKeyIdSchema,
  label: labelSchema.optional(),
  models: modelsSchema.optional(),
  /** null removes it (first-party providers only). */
  baseUrl: z.union([z.null(), baseUrlSchema]).optional(),
  /** The full set of headers; a header sent with "" keeps its stored value. */
  headers: headersSchema.optional(),
  /** null = never expires. */
  expiresAt: expiresAtSchema.nullable().optional(),
});
export type UpdateProviderKeyInput = z.infer<typeof updateProviderKeySchema>;
