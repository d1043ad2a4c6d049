import { z } from "zod";

export const deleteDeploymentSchema = z.object({ deploymentId: z.string().min(1).max(64) });
export type DeleteDeploymentInput = z.infer<typeof deleteDeploymentSchema>;
