import { z } from "zod";
import { botDescriptionSchema, botNameSchema } from "./create.schema.ts";

export const renameBotSchema = z.object({
  botId: z.string().min(1).max(64),
  name: botNameSchema,
  /** Left out: unchanged; empty or null: removed. */
  description: botDescriptionSchema.nullable().optional(),
});
export type RenameBotInput = z.infer<typeof renameBotSchema>;
