import { describe, expect, it } from "vitest";
import { hashToken } from "../src/lib/secrets.ts";
import {
  addMember,
  callerFor,
  createApiTokenRow,
  createOrganization,
  createOrganizationWithRoles,
  db,
  expectNoStackTrace,
  expectTrpcError,
  http,
  useTestDatabase,
} from "./helpers.ts";

useTestDatabase();

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("creating and listing tokens", () => {
  it("returns the secret once; the list shows it masked, never the secret or its hash", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    const created = await caller.apiTokens.create({ name: "  deploy bot  ", expiresInDays: 7 });
    expect(created.token).toMatch(/^pxl_[A-Za-z0-9_-]{40,}$/);
    expect(created.name).toBe("deploy bot");
    expect(created.lastFour).toBe(created.token.slice(-4));
    expect(created.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const list = await caller.apiTokens.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: created.id, name: "deploy bot", status: "active", revokedAt: null });
    expect(list[0]?.masked).toBe(`pxl_••••••••${created.lastFour}`);
    const serialized = JSON.stringify(list);
    expect(serialized).not.toContain(created.token);
    expect(serialized).not.toContain(stored.tokenHash);
    expect(Object.keys(list[0] ?? {})).not.toContain("tokenHash");
    expect(Object.keys(list[0] ?? {})).not.toContain("token");
  });

  it("never expires when expiresInDays is null; defaults to 90 days", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    expect((await caller.apiTokens.create({ name: "forever", expiresInDays: null })).expiresAt).toBeNull();
    const defaulted = await caller.apiTokens.create({ name: "default" });
    const days = ((defaulted.expiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
  });

  it("each member lists only their own tokens; viewers cannot create tokens", async () => {
    const { organization, editor, admin, viewer } = await createOrganizationWithRoles();
    await (await callerFor(editor.user, organization.id)).apiTokens.create({ name: "editor's" });
    expect(await (await callerFor(admin.user, organization.id)).apiTokens.list()).toEqual([]);
    await expectTrpcError((await callerFor(viewer.user, organization.id)).apiTokens.create({ name: "x" }), "FORBIDDEN");
  });

  it("an editor cannot revoke someone else's token; an admin can", async () => {
    const { organization, editor, admin } = await createOrganizationWithRoles();
    const other = await addMember(organization.id, "editor");
    const token = await createApiTokenRow(organization.id, other.user.id);
    await expectTrpcError(
      (await callerFor(editor.user, organization.id)).apiTokens.revoke({ tokenId: token.id }),
      "NOT_FOUND",
    );
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();
    await (await callerFor(admin.user, organization.id)).apiTokens.revoke({ tokenId: token.id });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeInstanceOf(Date);
  });
});

describe("using a token over HTTP", () => {
  it("Bearer token → 200 with the token's organization; after revoke → 401 with a clear message", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    // The user belongs to a second organization too: the token must still act in its own.
    const other = await createOrganization();
    await addMember(other.id, "owner", editor.user);
    const caller = await callerFor(editor.user, organization.id);
    const { id, token } = await caller.apiTokens.create({ name: "script" });

    const ok = await http({ path: "organization.current", method: "GET", headers: bearer(token) });
    expect(ok.status).toBe(200);
    expect(ok.data).toMatchObject({ id: organization.id, name: organization.name, role: "editor" });

    const me = await http({ path: "auth.me", method: "GET", headers: bearer(token) });
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ id: editor.user.id, via: "token" });

    // A token sees only its own organization in the organization list.
    const orgs = await http({ path: "organization.list", method: "GET", headers: bearer(token) });
    expect((orgs.data as { id: string }[]).map((o) => o.id)).toEqual([organization.id]);

    // lastUsedAt is recorded (asynchronously).
    await expect
      .poll(async () => (await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt)
      .toBeInstanceOf(Date);

    await caller.apiTokens.revoke({ tokenId: id });
    const revoked = await http({ path: "organization.current", method: "GET", headers: bearer(token) });
    expect(revoked.status).toBe(401);
    expect(revoked.error?.message).toMatch(/API token is invalid, expired or revoked/);
    expect(revoked.error?.data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
    expect(revoked.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expectNoStackTrace(revoked);

    const list = await caller.apiTokens.list();
    expect(list.find((t) => t.id === id)?.status).toBe("revoked");
  });

  it("an expired token → 401; an unknown token → 401, even with a valid session", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const expired = await createApiTokenRow(organization.id, editor.user.id, {
      expiresAt: new Date(Date.now() - 1000),
    });
    const result = await http({ path: "organization.current", method: "GET", headers: bearer(expired.token) });
    expect(result.status).toBe(401);
    expect(result.error?.message).toMatch(/expired/);
    const unknown = await http({
      path: "organization.current",
      method: "GET",
      headers: bearer("pxl_not-a-real-token"),
      sessionUser: { id: editor.user.id, email: editor.user.email },
    });
    expect(unknown.status).toBe(401);
  });

  it("a token of organization A with x-pixel-organization = B → 403", async () => {
    const { organization: a, editor } = await createOrganizationWithRoles();
    const b = await createOrganization();
    // Even when the token's user is a member (owner) of B, the token is bound to A.
    await addMember(b.id, "owner", editor.user);
    const { token } = await (await callerFor(editor.user, a.id)).apiTokens.create({ name: "bound" });
    const result = await http({
      path: "organization.current",
      method: "GET",
      headers: { ...bearer(token), "x-pixel-organization": b.id },
    });
    expect(result.status).toBe(403);
    expect(result.error?.message).toMatch(/another organization/);
    expectNoStackTrace(result);
    // Same via the cookie.
    const viaCookie = await http({
      path: "organization.current",
      method: "GET",
      headers: { ...bearer(token), cookie: `pixel_org=${b.id}` },
    });
    expect(viaCookie.status).toBe(403);
  });

  it("a token stops working in an organization its user was removed from → 403", async () => {
    const { organization, editor, admin } = await createOrganizationWithRoles();
    const { token } = await (await callerFor(editor.user, organization.id)).apiTokens.create({ name: "leaver" });
    await (await callerFor(admin.user, organization.id)).members.remove({ membershipId: editor.membershipId });
    const result = await http({ path: "organization.current", method: "GET", headers: bearer(token) });
    expect(result.status).toBe(403);
  });
});
