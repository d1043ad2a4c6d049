import type { Prisma, PrismaClient } from "@pixel/db";

type Db = PrismaClient | Prisma.TransactionClient;

export type AuditAction =
  | "organization.created"
  | "organization.updated"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "member.joined"
  | "invitation.created"
  | "invitation.revoked"
  | "api_token.created"
  | "api_token.revoked"
  | "provider_key.created"
  | "provider_key.updated"
  | "provider_key.rotated"
  | "provider_key.disabled"
  | "provider_key.enabled"
  | "provider_key.deleted"
  | "provider_key.tested"
  | "ai_settings.updated"
  | "budget.created"
  | "budget.updated"
  | "budget.deleted"
  | "budget.soft_limit_reached"
  | "bot.created"
  | "bot.renamed"
  | "bot.duplicated"
  | "bot.deleted"
  | "flow.published"
  | "flow.restored"
  | "flow.republished"
  | "deployment.created"
  | "deployment.updated"
  | "deployment.paused"
  | "deployment.resumed"
  | "deployment.deleted"
  | "deployment_key.created"
  | "deployment_key.revoked"
  | "template.used"
  | "template.published"
  | "template.republished"
  | "template.unpublished"
  | "template.archived";

export interface AuditEntry {
  organizationId: string;
  actorId: string | null;
  action: AuditAction;
  targetType:
    | "organization"
    | "membership"
    | "invitation"
    | "api_token"
    | "provider_key"
    | "ai_settings"
    | "budget"
    | "bot"
    | "deployment"
    | "template";
  targetId?: string | null;
  /** Never put secrets here: audit rows are shown to admins. */
  metadata?: Prisma.InputJsonValue;
  ip?: string | null;
}

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      organizationId: entry.organizationId,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      metadata: entry.metadata ?? {},
      ip: entry.ip ?? null,
    },
  });
}
