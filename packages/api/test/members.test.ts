import { describe, expect, it } from "vitest";
import {
  addMember,
  callerFor,
  createOrganizationWithRoles,
  createUser,
  db,
  expectTrpcError,
  uniqueEmail,
  useTestDatabase,
} from "./helpers.ts";

useTestDatabase();

function tokenFromLink(link: string): string {
  const token = link.split("/invite/")[1];
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

async function auditActions(organizationId: string, targetId?: string) {
  const rows = await db().auditLog.findMany({
    where: { organizationId, ...(targetId ? { targetId } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => r.action);
}

describe("member lifecycle", () => {
  it("invite → accept with the matching email → change role → remove, with audit rows", async () => {
    const { organization, owner, admin } = await createOrganizationWithRoles();
    const newcomer = await createUser({ email: uniqueEmail("newcomer") });

    const adminCaller = await callerFor(admin.user, organization.id);
    const invitation = await adminCaller.invitations.create({ email: newcomer.email.toUpperCase(), role: "viewer" });
    expect(invitation.email).toBe(newcomer.email);
    expect(invitation.role).toBe("viewer");
    expect(invitation.link).toMatch(/^http:\/\/pixel\.test\/invite\/inv_/);
    // Only the hash is stored.
    const stored = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored.tokenHash).not.toContain(tokenFromLink(invitation.link));

    const pending = await adminCaller.invitations.list();
    expect(pending.map((i) => i.id)).toContain(invitation.id);

    const accepted = await (await callerFor(newcomer, null)).invitations.accept({
      token: tokenFromLink(invitation.link),
    });
    expect(accepted).toEqual({ organizationId: organization.id, role: "viewer" });

    const members = await (await callerFor(newcomer, organization.id)).members.list();
    const mine = members.find((m) => m.isYou);
    expect(mine?.role).toBe("viewer");
    expect(mine?.user.email).toBe(newcomer.email);
    if (!mine) throw new Error("newcomer is not listed");
    expect((await adminCaller.invitations.list()).map((i) => i.id)).not.toContain(invitation.id);

    const updated = await adminCaller.members.updateRole({ membershipId: mine.id, role: "editor" });
    expect(updated).toEqual({ id: mine.id, role: "editor" });
    expect((await db().membership.findUniqueOrThrow({ where: { id: mine.id } })).role).toBe("editor");

    const removed = await adminCaller.members.remove({ membershipId: mine.id });
    expect(removed).toEqual({ removed: mine.id });
    expect(await db().membership.findUnique({ where: { id: mine.id } })).toBeNull();
    // A removed member cannot act in the organization any more.
    await expectTrpcError((await callerFor(newcomer, organization.id)).organization.current(), "FORBIDDEN");

    expect(await auditActions(organization.id, invitation.id)).toEqual(["invitation.created"]);
    expect(await auditActions(organization.id, mine.id)).toEqual([
      "member.joined",
      "member.role_changed",
      "member.removed",
    ]);
    const roleChange = await db().auditLog.findFirstOrThrow({
      where: { targetId: mine.id, action: "member.role_changed" },
    });
    expect(roleChange.actorId).toBe(admin.user.id);
    expect(roleChange.metadata).toEqual({ email: newcomer.email, from: "viewer", to: "editor" });
    const removal = await db().auditLog.findFirstOrThrow({ where: { targetId: mine.id, action: "member.removed" } });
    expect(removal.metadata).toMatchObject({ email: newcomer.email, role: "editor" });

    // Admins read the same trail through the API, newest first.
    const trail = await adminCaller.audit.list({ actionPrefix: "member" });
    expect(trail.items.slice(0, 3).map((i) => i.action)).toEqual([
      "member.removed",
      "member.role_changed",
      "member.joined",
    ]);
    expect(owner.role).toBe("owner");
  });

  it("a member can leave, and the leave is audited", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const result = await (await callerFor(editor.user, organization.id)).members.leave({
      organizationId: organization.id,
    });
    expect(result).toEqual({ left: organization.id });
    expect(await db().membership.findUnique({ where: { id: editor.membershipId } })).toBeNull();
    expect(await auditActions(organization.id, editor.membershipId)).toEqual(["member.left"]);
  });
});

describe("the last owner", () => {
  it("cannot leave", async () => {
    const { organization, owner } = await createOrganizationWithRoles();
    const caller = await callerFor(owner.user, organization.id);
    await expectTrpcError(
      caller.members.leave({ organizationId: organization.id }),
      "BAD_REQUEST",
      /last owner cannot leave/i,
    );
    expect((await db().membership.findUniqueOrThrow({ where: { id: owner.membershipId } })).role).toBe("owner");
  });

  it("cannot be demoted, not even by themselves", async () => {
    const { organization, owner } = await createOrganizationWithRoles();
    const caller = await callerFor(owner.user, organization.id);
    const error = await expectTrpcError(
      caller.members.updateRole({ membershipId: owner.membershipId, role: "admin" }),
      "BAD_REQUEST",
      /last owner cannot be demoted/i,
    );
    expect(error.message).toMatch(/make another member an owner first/i);
    expect((await db().membership.findUniqueOrThrow({ where: { id: owner.membershipId } })).role).toBe("owner");
  });

  it("cannot be removed", async () => {
    const { organization, owner } = await createOrganizationWithRoles();
    const caller = await callerFor(owner.user, organization.id);
    await expectTrpcError(caller.members.remove({ membershipId: owner.membershipId }), "BAD_REQUEST", /last owner/i);
    expect(await db().membership.findUnique({ where: { id: owner.membershipId } })).not.toBeNull();
  });

  it("can leave once there is a second owner", async () => {
    const { organization, owner } = await createOrganizationWithRoles();
    const second = await addMember(organization.id, "owner");
    const caller = await callerFor(owner.user, organization.id);
    await expect(caller.members.leave({ organizationId: organization.id })).resolves.toEqual({ left: organization.id });
    // …and now the second owner is the last one.
    await expectTrpcError(
      (await callerFor(second.user, organization.id)).members.updateRole({
        membershipId: second.membershipId,
        role: "viewer",
      }),
      "BAD_REQUEST",
      /last owner/i,
    );
  });
});

describe("who may grant and remove the owner role", () => {
  it("only owners grant owner (role change and invitation)", async () => {
    const { organization, admin, editor } = await createOrganizationWithRoles();
    const adminCaller = await callerFor(admin.user, organization.id);
    await expectTrpcError(
      adminCaller.members.updateRole({ membershipId: editor.membershipId, role: "owner" }),
      "FORBIDDEN",
      /only owners/i,
    );
    await expectTrpcError(
      adminCaller.members.updateRole({ membershipId: admin.membershipId, role: "owner" }),
      "FORBIDDEN",
    );
    await expectTrpcError(
      adminCaller.invitations.create({ email: uniqueEmail(), role: "owner" }),
      "FORBIDDEN",
      /only owners/i,
    );
    expect((await db().membership.findUniqueOrThrow({ where: { id: editor.membershipId } })).role).toBe("editor");
    expect((await db().membership.findUniqueOrThrow({ where: { id: admin.membershipId } })).role).toBe("admin");
    expect(await db().invitation.count({ where: { organizationId: organization.id } })).toBe(0);

    const ownerCaller = await callerFor(organization.owner, organization.id);
    await expect(ownerCaller.members.updateRole({ membershipId: editor.membershipId, role: "owner" })).resolves.toEqual(
      {
        id: editor.membershipId,
        role: "owner",
      },
    );
    await expect(ownerCaller.invitations.create({ email: uniqueEmail(), role: "owner" })).resolves.toMatchObject({
      role: "owner",
    });
  });

  it("an admin cannot demote or remove an owner", async () => {
    const { organization, owner, admin } = await createOrganizationWithRoles();
    await addMember(organization.id, "owner");
    const adminCaller = await callerFor(admin.user, organization.id);
    await expectTrpcError(
      adminCaller.members.remove({ membershipId: owner.membershipId }),
      "FORBIDDEN",
      /only owners can remove an owner/i,
    );
    await expectTrpcError(
      adminCaller.members.updateRole({ membershipId: owner.membershipId, role: "viewer" }),
      "FORBIDDEN",
    );
    expect((await db().membership.findUniqueOrThrow({ where: { id: owner.membershipId } })).role).toBe("owner");
  });

  it("editors and viewers cannot manage members at all", async () => {
    const { organization, editor, viewer, admin } = await createOrganizationWithRoles();
    for (const member of [editor, viewer]) {
      const caller = await callerFor(member.user, organization.id);
      await expectTrpcError(
        caller.members.remove({ membershipId: admin.membershipId }),
        "FORBIDDEN",
        /admin role or higher/,
      );
      await expectTrpcError(
        caller.members.updateRole({ membershipId: admin.membershipId, role: "viewer" }),
        "FORBIDDEN",
      );
      // …but every member may see who is in the organization.
      expect((await caller.members.list()).length).toBe(4);
    }
  });
});

describe("audit trail", () => {
  it("records API token creation and revocation without the secret", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    const created = await caller.apiTokens.create({ name: "ci", expiresInDays: 30 });
    await caller.apiTokens.revoke({ tokenId: created.id });
    const rows = await db().auditLog.findMany({
      where: { organizationId: organization.id, targetId: created.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(rows.map((r) => r.action)).toEqual(["api_token.created", "api_token.revoked"]);
    expect(rows.every((r) => r.actorId === editor.user.id)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(created.token);
  });

  it("records invitation creation and revocation", async () => {
    const { organization, admin } = await createOrganizationWithRoles();
    const caller = await callerFor(admin.user, organization.id);
    const email = uniqueEmail("audited");
    const invitation = await caller.invitations.create({ email, role: "editor" });
    await caller.invitations.revoke({ invitationId: invitation.id });
    const rows = await db().auditLog.findMany({
      where: { targetId: invitation.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(rows.map((r) => r.action)).toEqual(["invitation.created", "invitation.revoked"]);
    expect(rows[0]?.metadata).toEqual({ email, role: "editor" });
    expect(JSON.stringify(rows)).not.toContain(tokenFromLink(invitation.link));
  });

  it("is readable by admins only", async () => {
    const { organization, admin, editor } = await createOrganizationWithRoles();
    await expectTrpcError((await callerFor(editor.user, organization.id)).audit.list(), "FORBIDDEN");
    await expect((await callerFor(admin.user, organization.id)).audit.list()).resolves.toMatchObject({
      nextCursor: null,
    });
  });
});
