import { z } from "zod";

export const createDeploymentKeySchema = z.object({
  deploymentId: z.string().min(1).max(64),
  name: z.string().trim().min(1, "Name the key").max(60),
});
export type CreateDeploymentKeyInput = z.infer<typeof createDeploymentKeySchema>;
