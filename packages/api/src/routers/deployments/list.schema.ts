import { z } from "zod";

export const listDeploymentsSchema = z
  .object({
    /** Only this bot's deployments. */
    botId: z.string().min(1).max(64).optional(),
  })
  .default({});
export type ListDeploymentsInput = z.infer<typeof listDeploymentsSchema>;
