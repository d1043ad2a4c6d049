import { z } from "zod";
import { BOT_DESCRIPTION_MAX, BOT_NAME_MAX } from "./summary.ts";

export const botNameSchema = z.string().trim().min(1, "Name the bot").max(BOT_NAME_MAX);
export const botDescriptionSchema = z.string().trim().max(BOT_DESCRIPTION_MAX);

export const createBotSchema = z.object({
  name: botNameSchema,
  description: botDescriptionSchema.optional(),
  /**
   * A flow document (an object or its JSON text), checked and migrated by parseFlowDocument.
   * Left out or null: a new blank flow. (`null` is the union's first option, so generated sample
   * inputs, test/sample-input.ts, create a blank bot rather than send an unreadable document.)
   */
  flow: z.union([z.null(), z.unknown()]).optional(),
});
export type CreateBotInput = z.infer<typeof createBotSchema>;
