import { z } from "zod";
import { providerKeyIdSchema } from "./fields.schema.ts";

export const testProviderKeySchema = z.object({
  providerKeyId: providerKeyIdSchema,
  /** Default: the key's first preferred model. */
  model: z.string().trim().min(1).max(200).optional(),
});
export type TestProviderKeyInput = z.infer<typeof testProviderKeySchema>;
