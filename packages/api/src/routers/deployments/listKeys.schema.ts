import { z } from "zod";

export const listDeploymentKeysSchema = z.object({ deploymentId: z.string().min(1).max(64) });
export type ListDeploymentKeysInput = z.infer<typeof listDeploymentKeysSchema>;
