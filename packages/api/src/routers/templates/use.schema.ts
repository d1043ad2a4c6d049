import { z } from "zod";

/** A template's address in the gallery (/templates/<slug>). */
export const templateSlugSchema = z
  .string()
  .trim()
  .min(1, "Say which template (its slug)")
  .max(120, "A template slug is at most 120 characters");

export const useTemplateSchema = z.object({ slug: templateSlugSchema });
export type UseTemplateInput = z.infer<typeof useTemplateSchema>;
