import { z } from "zod";

/** Field schemas shared by the providerKeys procedures. */

export const labelSchema = z.string().trim().min(1, "Give the key a label").max(80);

export const secretSchema = z
  .string()
  .trim()
  .min(8, "The secret looks too short: paste the whole key")
  .max(4096, "The secret is too long");

/** http(s) only: the key is sent to this address. */
export const baseUrlSchema = z
  .url({ protocol: /^https?$/, message: "Use an http:// or https:// URL" })
  .trim()
  .max(2000);

export const modelsSchema = z
  .array(z.string().trim().min(1).max(200))
  .min(1, "Choose at least one model")
  .max(50)
  .refine((models) => new Set(models).size === models.length, "A model is listed twice");

const headerNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, "Header names are letters, digits and dashes");

/** Custom headers (custom and OpenAI-compatible servers). Values are encrypted like the secret. */
export const headersSchema = z
  .record(headerNameSchema, z.string().max(4000))
  .refine((headers) => Object.keys(headers).length <= 20, "At most 20 headers");

/** Nothing = never expires. */
export const expiresAtSchema = z.coerce.date();

export const providerKeyIdSchema = z.string().min(1);
