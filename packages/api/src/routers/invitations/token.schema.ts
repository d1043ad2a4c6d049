import { z } from "zod";

export const invitationTokenSchema = z.object({
  token: z
    .string()
    .trim()
    .regex(/^inv_[A-Za-z0-9_-]{20,64}$/, "This is not an invitation link"),
});
export type InvitationTokenInput = z.infer<typeof invitationTokenSchema>;
