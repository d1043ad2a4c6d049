import { z } from "zod";
import { providerKeyIdSchema } from "./fields.schema.ts";

/** delete, revisions. */
export const providerKeyByIdSchema = z.object({ providerKeyId: providerKeyIdSchema });
export type ProviderKeyByIdInput = z.infer<typeof providerKeyByIdSchema>;
