import { z } from "zod";

export const leaveOrganizationSchema = z.object({ organizationId: z.string().min(1) });
export type LeaveOrganizationInput = z.infer<typeof leaveOrganizationSchema>;
