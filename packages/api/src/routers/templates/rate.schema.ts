import { z } from "zod";
import { templateSlugSchema } from "./use.schema.ts";

export const rateTemplateSchema = z.object({
  slug: templateSlugSchema,
  rating: z
    .number({ error: "Rating must be a number of stars from 1 to 5" })
    .int("Rating must be a whole number of stars from 1 to 5")
    .min(1, "Rating must be at least 1 star")
    .max(5, "Rating must be at most 5 stars"),
});
export type RateTemplateInput = z.infer<typeof rateTemplateSchema>;
