import { describe, expect, it } from "vitest";
import {
  callerFor,
  createOrganizationWithRoles,
  createUser,
  db,
  expectNoStackTrace,
  expectTrpcError,
  http,
  type TestUser,
  uniqueEmail,
  useTestDatabase,
} from "./helpers.ts";

useTestDatabase();

/** An organization whose admin invited a fresh user (who has an account but is not a member yet). */
async function invited(role: "admin" | "editor" | "viewer" = "editor") {
  const world = await createOrganizationWithRoles();
  const invitee: TestUser = await createUser({ email: uniqueEmail("invitee") });
  const admin = await callerFor(world.admin.user, world.organization.id);
  const invitation = await admin.invitations.create({ email: invitee.email, role });
  const token = invitation.link.split("/invite/")[1] ?? "";
  expect(token).toMatch(/^inv_/);
  return { ...world, invitee, invitation, token, adminCaller: admin };
}

describe("accepting an invitation", () => {
  it("joins the organization with the invited role", async () => {
    const { invitee, token, organization } = await invited("admin");
    const result = await (await callerFor(invitee)).invitations.accept({ token });
    expect(result).toEqual({ organizationId: organization.id, role: "admin" });
    const membership = await db().membership.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: organization.id, userId: invitee.id } },
    });
    expect(membership.role).toBe("admin");
  });

  it("an expired invitation → BAD_REQUEST saying it expired", async () => {
    const { invitee, token, invitation, organization } = await invited();
    await db().invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await expectTrpcError(
      (await callerFor(invitee)).invitations.accept({ token }),
      "BAD_REQUEST",
      /expired.*ask for a new one/i,
    );
    expect(await db().membership.count({ where: { organizationId: organization.id, userId: invitee.id } })).toBe(0);
    const preview = await http({ path: "invitations.preview", method: "GET", input: { token } });
    expect(preview.status).toBe(200);
    expect(preview.data).toMatchObject({ status: "expired" });
  });

  it("used twice → CONFLICT", async () => {
    const { invitee, token } = await invited();
    const caller = await callerFor(invitee);
    await caller.invitations.accept({ token });
    await expectTrpcError(caller.invitations.accept({ token }), "CONFLICT", /already been used/i);
  });

  it("two simultaneous accepts: one joins, the other gets CONFLICT", async () => {
    const { invitee, token, organization } = await invited();
    const [first, second] = await Promise.allSettled([
      (async () => (await callerFor(invitee)).invitations.accept({ token }))(),
      (async () => (await callerFor(invitee)).invitations.accept({ token }))(),
    ]);
    const outcomes = [first, second].map((r) =>
      r.status === "fulfilled" ? "ok" : (r.reason as { code?: string }).code,
    );
    expect(outcomes.sort()).toEqual(["CONFLICT", "ok"]);
    expect(await db().auditLog.count({ where: { organizationId: organization.id, action: "member.joined" } })).toBe(1);
  });

  it("a revoked invitation → BAD_REQUEST", async () => {
    const { invitee, token, invitation, adminCaller } = await invited();
    await adminCaller.invitations.revoke({ invitationId: invitation.id });
    await expectTrpcError((await callerFor(invitee)).invitations.accept({ token }), "BAD_REQUEST", /revoked/i);
  });

  it("a newer invitation for the same address replaces the older link", async () => {
    const { invitee, token, adminCaller } = await invited();
    const newer = await adminCaller.invitations.create({ email: invitee.email, role: "viewer" });
    const caller = await callerFor(invitee);
    await expectTrpcError(caller.invitations.accept({ token }), "BAD_REQUEST", /revoked/i);
    await expect(caller.invitations.accept({ token: newer.link.split("/invite/")[1] ?? "" })).resolves.toMatchObject({
      role: "viewer",
    });
  });

  it("signed in with another email → FORBIDDEN naming the invited address", async () => {
    const { invitee, token, organization } = await invited();
    const stranger = await createUser({ email: uniqueEmail("stranger") });
    await expectTrpcError(
      (await callerFor(stranger)).invitations.accept({ token }),
      "FORBIDDEN",
      new RegExp(`for ${invitee.email.replace(/[.+]/g, "\\$&")}`),
    );
    expect(await db().membership.count({ where: { organizationId: organization.id, userId: stranger.id } })).toBe(0);
  });

  it("signed out → UNAUTHORIZED", async () => {
    const { token } = await invited();
    await expectTrpcError((await callerFor(null)).invitations.accept({ token }), "UNAUTHORIZED");
  });

  it("a well-formed but unknown token → NOT_FOUND", async () => {
    const { invitee } = await invited();
    await expectTrpcError(
      (await callerFor(invitee)).invitations.accept({ token: `inv_${"x".repeat(32)}` }),
      "NOT_FOUND",
      /not valid/i,
    );
  });

  it("a malformed token → 400 naming the `token` path (HTTP)", async () => {
    const { invitee } = await invited();
    const result = await http({
      path: "invitations.accept",
      input: { token: "not-an-invitation" },
      sessionUser: { id: invitee.id, email: invitee.email },
    });
    expect(result.status).toBe(400);
    expect(result.error?.data.code).toBe("BAD_REQUEST");
    expect(result.error?.message).toBe("Invalid input: token: This is not an invitation link");
    expect(result.error?.data.fieldErrors).toEqual([{ path: "token", message: "This is not an invitation link" }]);
    expectNoStackTrace(result);
  });
});

describe("preview", () => {
  it("works without signing in and shows who invited whom", async () => {
    const { token, invitee, organization, admin } = await invited("viewer");
    const result = await http({ path: "invitations.preview", method: "GET", input: { token } });
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      organizationName: organization.name,
      invitedBy: admin.user.name,
      email: invitee.email,
      role: "viewer",
      status: "pending",
    });
    expect((result.data as { expiresAt: unknown }).expiresAt).toBeInstanceOf(Date);
    expect(result.text).not.toMatch(/tokenHash|organizationId/);
  });

  it("a malformed token → 400, an unknown one → 404", async () => {
    const malformed = await http({ path: "invitations.preview", method: "GET", input: { token: "inv_short" } });
    expect(malformed.status).toBe(400);
    expect(malformed.error?.data.fieldErrors?.map((f) => f.path)).toEqual(["token"]);
    const unknown = await http({
      path: "invitations.preview",
      method: "GET",
      input: { token: `inv_${"y".repeat(30)}` },
    });
    expect(unknown.status).toBe(404);
  });
});

describe("creating invitations", () => {
  it("inviting an existing member → CONFLICT", async () => {
    const { adminCaller, editor } = await invited();
    await expectTrpcError(adminCaller.invitations.create({ email: editor.user.email }), "CONFLICT", /already a member/);
  });

  it("an invalid email → BAD_REQUEST on the email field", async () => {
    const { adminCaller } = await invited();
    const error = await expectTrpcError(adminCaller.invitations.create({ email: "nope" }), "BAD_REQUEST");
    expect(JSON.stringify(error.cause)).toContain("email");
  });
});
