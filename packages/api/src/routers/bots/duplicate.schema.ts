import { z } from "zod";
import { botNameSchema } from "./create.schema.ts";

export const duplicateBotSchema = z.object({
  botId: z.string().min(1).max(64),
  /** The copy's name; "<name> (copy)" when left out. */
  name: botNameSchema.optional(),
});
export type DuplicateBotInput = z.infer<typeof duplicateBotSchema>;
