import { CATALOGUE_DATE, COMPATIBLE_PRESETS, MODEL_CATALOGUE } from "@pixel/ai";
import { readPriceOverrides } from "../../services/ai/schemas.ts";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";

/** The model catalogue with the organization's price overrides applied, plus the OpenAI-compatible presets. */
export async function catalogueHandler({ ctx }: HandlerArgs<OrganizationContext>) {
  const settings = await ctx.prisma.aiSettings.findUnique({
    where: { organizationId: ctx.organizationId },
    select: { priceOverrides: true },
  });
  const overrides = readPriceOverrides(settings?.priceOverrides);
  const listed = new Set<string>();
  const models = MODEL_CATALOGUE.map((m) => {
    const key = `${m.provider}:${m.id}`;
    listed.add(key);
    const override = overrides[key];
    return {
      ...m,
      inputPerMillion: override?.inputPerMillion ?? m.inputPerMillion,
      outputPerMillion: override?.outputPerMillion ?? m.outputPerMillion,
      cataloguePrice: { inputPerMillion: m.inputPerMillion, outputPerMillion: m.outputPerMillion },
      overridden: Boolean(override),
    };
  });
  /** Prices the organization set for models the catalogue does not list (compatible servers, new models). */
  const extraPrices = Object.entries(overrides)
    .filter(([key]) => !listed.has(key))
    .map(([key, price]) => {
      const colon = key.indexOf(":");
      return { provider: key.slice(0, colon), model: key.slice(colon + 1), ...price };
    });
  return { date: CATALOGUE_DATE, models, extraPrices, presets: COMPATIBLE_PRESETS };
}
