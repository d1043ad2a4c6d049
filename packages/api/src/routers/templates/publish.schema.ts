import { z } from "zod";
import { COMPLEXITIES, PRICE_TIERS } from "../../services/templates/types.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const NO_CONTROL = "must not contain control characters";

/** One line of text: trimmed, no control characters (they would also break the gallery's highlight markers). */
function line(label: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} is at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTER.test(value), `${label} ${NO_CONTROL}`);
}

function optionalLine(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTER.test(value), `${label} ${NO_CONTROL}`)
    .optional();
}

/** "en", "pt-br": what the gallery's language filter matches. */
const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, 'Use a language code such as "en" or "pt-br"')
  .meta({ examples: ["en"] });

export const MAX_TAGS = 12;

export const publishTemplateSchema = z
  .object({
    botId: z.string().min(1).max(64),
    visibility: z.enum(["public", "organization"], {
      error: 'Visibility is "public" (everyone) or "organization" (your organization only)',
    }),
    name: line("Name", 100),
    description: line("Description", 2_000),
    category: line("Category", 80),
    industry: optionalLine("Industry", 80),
    useCase: optionalLine("Use case", 80),
    tags: z.array(line("A tag", 40)).max(MAX_TAGS, `At most ${MAX_TAGS} tags`),
    complexity: z.enum(COMPLEXITIES, { error: `Complexity is one of ${COMPLEXITIES.join(", ")}` }),
    priceTier: z.enum(PRICE_TIERS, { error: `Price tier is one of ${PRICE_TIERS.join(", ")}` }),
    setupMinutes: z
      .number()
      .int("Setup time is a whole number of minutes")
      .min(1, "Setup time is at least 1 minute")
      .max(1_440, "Setup time is at most 1,440 minutes (a day)"),
    languages: z.array(languageCode).min(1, "Give at least one language").max(20, "At most 20 languages"),
    defaultLanguage: languageCode,
    previewEmoji: optionalLine("Preview emoji", 16),
    requiredIntegrations: z.array(line("An integration", 60)).max(20, "At most 20 required integrations"),
    seoTitle: optionalLine("SEO title", 120),
    seoDescription: optionalLine("SEO description", 300),
    note: optionalLine("Note", 500),
  })
  .refine((input) => input.languages.includes(input.defaultLanguage), {
    path: ["defaultLanguage"],
    message: "The default language must be one of the template's languages",
  });
export type PublishTemplateInput = z.infer<typeof publishTemplateSchema>;
