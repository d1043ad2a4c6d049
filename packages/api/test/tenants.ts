import { randomBytes } from "node:crypto";
import { writeAudit } from "../src/lib/audit.ts";
import {
  createApiTokenRow,
  createInvitationRow,
  createOrganizationWithRoles,
  createUser,
  db,
  uniqueEmail,
} from "./helpers.ts";

/**
 * A fully populated organization: one member of each role, a pending invitation (whose invitee
 * has an account but is not a member), an API token, audit rows.
 */
export async function createTenant(label: string) {
  const world = await createOrganizationWithRoles(`Tenant ${label} ${randomBytes(4).toString("hex")}`);
  const organizationId = world.organization.id;
  const invitee = await createUser({ email: uniqueEmail(`invitee-${label.toLowerCase()}`) });
  const invitation = await createInvitationRow(organizationId, {
    email: invitee.email,
    role: "editor",
    invitedById: world.owner.user.id,
  });
  const apiToken = await createApiTokenRow(organizationId, world.editor.user.id);
  for (const action of ["organization.created", "member.joined", "invitation.created"] as const) {
    await writeAudit(db(), {
      organizationId,
      actorId: world.owner.user.id,
      action,
      targetType: "organization",
      targetId: organizationId,
      metadata: { fixture: label },
    });
  }
  // The newest row: a cursor there would page through all of this tenant's older rows.
  const audit = await db().auditLog.findFirstOrThrow({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return { ...world, organizationId, invitee, invitation, apiToken, auditId: audit.id };
}

export type Tenant = Awaited<ReturnType<typeof createTenant>>;

/** Values for resource-naming input fields, all belonging to `tenant`. */
export async function tenantResources(tenant: Tenant, fields: Iterable<string>): Promise<Map<string, string>> {
  const known: Record<string, string> = {
    organizationId: tenant.organizationId,
    // A non-owner member, so a wrongly allowed removal or role change would be visible.
    membershipId: tenant.editor.membershipId,
    userId: tenant.editor.user.id,
    invitationId: tenant.invitation.id,
    tokenId: tenant.apiToken.id,
    apiTokenId: tenant.apiToken.id,
    cursor: tenant.auditId,
    token: tenant.invitation.token,
  };
  const values = new Map<string, string>();
  const missing: string[] = [];
  for (const field of fields) {
    const value = known[field] ?? (await findRowOfModel(field, tenant.organizationId));
    if (value) values.set(field, value);
    else if (field.endsWith("Id")) missing.push(field);
  }
  if (missing.length > 0) {
    throw new Error(
      `No fixture row for input field(s) ${missing.join(", ")}: create one in createTenant() (test/tenants.ts) ` +
        "so the generated tenancy test can pass another organization's id.",
    );
  }
  return values;
}

/** `botId` → a row of prisma.bot in the organization, when such a model and row exist. */
async function findRowOfModel(field: string, organizationId: string): Promise<string | undefined> {
  if (!field.endsWith("Id")) return undefined;
  const model = field.slice(0, -2);
  const delegate = (db() as unknown as Record<string, unknown>)[model] as
    | { findFirst(args: unknown): Promise<{ id: string } | null> }
    | undefined;
  if (!delegate || typeof delegate.findFirst !== "function") return undefined;
  const row = await delegate.findFirst({ where: { organizationId }, select: { id: true } });
  return row?.id;
}

/** Everything stored for an organization, to prove a call did not change it. */
export async function snapshotTenant(tenant: Tenant) {
  const organizationId = tenant.organizationId;
  const prisma = db();
  const memberships = await prisma.membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } });
  return {
    organization: await prisma.organization.findUnique({ where: { id: organizationId } }),
    memberships,
    users: await prisma.user.findMany({
      where: { id: { in: [...memberships.map((m) => m.userId), tenant.invitee.id] } },
      orderBy: { id: "asc" },
    }),
    invitations: await prisma.invitation.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    apiTokens: await prisma.apiToken.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    auditLogs: await prisma.auditLog.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
  };
}

/** Strings that only this tenant's data contains: none may show up in another tenant's results. */
export async function tenantFingerprints(tenant: Tenant): Promise<string[]> {
  const snapshot = await snapshotTenant(tenant);
  const values = new Set<string>();
  if (snapshot.organization) {
    values.add(snapshot.organization.id);
    values.add(snapshot.organization.name);
    values.add(snapshot.organization.slug);
  }
  for (const m of snapshot.memberships) values.add(m.id);
  for (const u of snapshot.users) {
    values.add(u.id);
    values.add(u.email);
  }
  for (const i of snapshot.invitations) {
    values.add(i.id);
    values.add(i.email);
  }
  for (const t of snapshot.apiTokens) values.add(t.id);
  for (const a of snapshot.auditLogs) values.add(a.id);
  return [...values];
}
