import { z } from "zod";

export const deploymentIdSchema = z.object({ deploymentId: z.string().min(1).max(64) });
export type DeploymentIdInput = z.infer<typeof deploymentIdSchema>;
