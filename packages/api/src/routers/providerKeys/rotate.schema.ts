import { z } from "zod";
import { providerKeyIdSchema, secretSchema } from "./fields.schema.ts";

export const rotateProviderKeySchema = z.object({ providerKeyId: providerKeyIdSchema, secret: secretSchema });
export type RotateProviderKeyInput = z.infer<typeof rotateProviderKeySchema>;
