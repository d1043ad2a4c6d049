import { COMPATIBLE_PRESETS, detectLocalOllama } from "@pixel/ai";
import type { HandlerArgs, OrganizationContext } from "../../trpc/types.ts";

/**
 * Is an Ollama running on this server's machine (127.0.0.1:11434)? Offered as a ready provider without
 * a key: the settings page creates it with providerKeys.create({ provider: "openai-compatible",
 * preset: "ollama", baseUrl, models }).
 */
export async function localOllamaHandler({ ctx }: HandlerArgs<OrganizationContext>) {
  const preset = COMPATIBLE_PRESETS.find((p) => p.id === "ollama");
  const detected = await detectLocalOllama();
  const baseUrl = preset?.baseUrl ?? `${detected.baseUrl}/v1`;
  const existing = detected.available
    ? await ctx.prisma.providerKey.findFirst({
        where: { organizationId: ctx.organizationId, provider: "openai-compatible", baseUrl },
        select: { id: true },
      })
    : null;
  return {
    available: detected.available,
    provider: "openai-compatible" as const,
    preset: "ollama",
    baseUrl,
    models: detected.models,
    /** The organization already has a key for it. */
    providerKeyId: existing?.id ?? null,
  };
}
