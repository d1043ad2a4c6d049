import { z } from "zod";
import { fallbackEntrySchema, priceOverridesSchema } from "../../services/ai/schemas.ts";

const webhookUrlSchema = z
  .url({ protocol: /^https?$/, message: "Use an http:// or https:// URL" })
  .trim()
  .max(2000);

/** Omitted fields stay as they are. */
export const updateAiSettingsSchema = z.object({
  /** The organization's default order of candidates (a bot's own list wins). */
  fallback: z.array(fallbackEntrySchema).max(20, "At most 20 candidates").optional(),
  /** What end users read when the budget stops the bot. */
  unavailableMessage: z.string().trim().min(1, "Write the message end users will see").max(500).optional(),
  /** Receives budget alerts as a JSON POST; null removes it. */
  alertWebhookUrl: z.union([z.null(), webhookUrlSchema]).optional(),
  /** How long a failing key rests before it is tried again. */
  cooldownSeconds: z.number().int().min(5).max(86_400).optional(),
  /** "<provider>:<model>" → USD per million tokens; replaces the whole set. */
  priceOverrides: priceOverridesSchema.optional(),
});
export type UpdateAiSettingsInput = z.infer<typeof updateAiSettingsSchema>;
