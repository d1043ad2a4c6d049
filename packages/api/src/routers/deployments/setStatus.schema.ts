import { z } from "zod";

export const setDeploymentStatusSchema = z.object({
  deploymentId: z.string().min(1).max(64),
  status: z.enum(["active", "paused"]),
});
export type SetDeploymentStatusInput = z.infer<typeof setDeploymentStatusSchema>;
