import { z } from "zod";

export const listAuditSchema = z
  .object({
    cursor: z.string().min(1).nullish(),
    limit: z.number().int().min(1).max(100).default(50),
    /** e.g. "member" matches member.role_changed, member.removed… */
    actionPrefix: z.string().trim().max(40).optional(),
  })
  .default({ limit: 50 });
export type ListAuditInput = z.infer<typeof listAuditSchema>;
