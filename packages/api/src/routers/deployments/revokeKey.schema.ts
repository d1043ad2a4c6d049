import { z } from "zod";

export const revokeDeploymentKeySchema = z.object({ keyId: z.string().min(1).max(64) });
export type RevokeDeploymentKeyInput = z.infer<typeof revokeDeploymentKeySchema>;
