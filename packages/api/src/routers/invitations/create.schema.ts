import { z } from "zod";
import { ROLES } from "../../lib/roles.ts";

export const createInvitationSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  role: z.enum(ROLES).default("editor"),
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;
