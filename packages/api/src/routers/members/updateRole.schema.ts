import { z } from "zod";
import { ROLES } from "../../lib/roles.ts";

export const updateRoleSchema = z.object({
  membershipId: z.string().min(1),
  role: z.enum(ROLES),
});
export type UpdateRoleInput = z.infer<typeof updateRoleSchema>;
