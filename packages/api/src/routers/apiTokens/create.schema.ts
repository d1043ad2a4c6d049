import { z } from "zod";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token").max(60),
  /** null = never expires. */
  expiresInDays: z.number().int().min(1).max(365).nullable().default(90),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
