import { z } from "zod";
import { providerKeyIdSchema } from "./fields.schema.ts";

export const setProviderKeyDisabledSchema = z.object({ providerKeyId: providerKeyIdSchema, disabled: z.boolean() });
export type SetProviderKeyDisabledInput = z.infer<typeof setProviderKeyDisabledSchema>;
