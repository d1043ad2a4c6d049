import { z } from "zod";

export const listBotsSchema = z
  .object({
    /** Case-insensitive, on the name and the description. */
    search: z.string().trim().max(100).optional(),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().min(1).max(64).nullish(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .default({ limit: 50 });
export type ListBotsInput = z.infer<typeof listBotsSchema>;
