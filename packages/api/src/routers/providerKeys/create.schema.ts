import { z } from "zod";
import {
  baseUrlSchema,
  expiresAtSchema,
  headersSchema,
  labelSchema,
  modelsSchema,
  secretSchema,
} from "./fields.schema.ts";

const common = {
  label: labelSchema,
  models: modelsSchema,
  expiresAt: expiresAtSchema.nullish(),
};

/** OpenAI, Anthropic, Google, Mistral: a secret always; a base URL only to go through a proxy. */
const firstParty = z.object({
  provider: z.enum(["openai", "anthropic", "google", "mistral"]),
  secret: secretSchema,
  baseUrl: z.union([z.null(), baseUrlSchema]).optional(),
  ...common,
});

/** Ollama, Groq, Together, OpenRouter, LM Studio, vLLM…: a base URL; a secret unless the preset is keyless. */
const compatible = z.object({
  provider: z.literal("openai-compatible"),
  preset: z.string().trim().max(40).nullish(),
  secret: secretSchema.nullish(),
  baseUrl: baseUrlSchema,
  headers: headersSchema.optional(),
  ...common,
});

/** Any server speaking /v1/chat/completions: base URL and headers; the secret is optional. */
const custom = z.object({
  provider: z.literal("custom"),
  secret: secretSchema.nullish(),
  baseUrl: baseUrlSchema,
  headers: headersSchema.optional(),
  ...common,
});

export const createProviderKeySchema = z.discriminatedUnion("provider", [firstParty, compatible, custom]);
export type CreateProviderKeyInput = z.infer<typeof createProviderKeySchema>;
