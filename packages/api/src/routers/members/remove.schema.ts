import { z } from "zod";

export const removeMemberSchema = z.object({ membershipId: z.string().min(1) });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;
