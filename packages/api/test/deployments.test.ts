import { describe, expect, it } from "vitest";
import { hashToken } from "../src/lib/secrets.ts";
import { createBotRow } from "./designer/support.ts";
import { callerFor, createOrganizationWithRoles, db, expectTrpcError, http, useTestDatabase } from "./helpers.ts";

useTestDatabase();

/** An organization with a bot published once (version 1), and an editor's caller. */
async function publishedBot(name = "Support bot") {
  const world = await createOrganizationWithRoles();
  const bot = await createBotRow(world.organization.id, undefined, name);
  const editor = await callerFor(world.editor.user, world.organization.id);
  const v1 = await editor.versions.publish({ botId: bot.id, note: "First release", draftRevision: 0 });
  // `editor` is the editor's caller; `editorUser` the editor.
  return { ...world, editorUser: world.editor.user, bot, editor, v1 };
}

async function auditActions(organizationId: string, targetId: string) {
  const rows = await db().auditLog.findMany({
    where: { organizationId, targetId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => r.action);
}

describe("deployments", () => {
  it("create → list → get → update → pause → resume → delete, each audited", async () => {
    const { organization, admin, bot, editor, v1 } = await publishedBot();
    const created = await editor.deployments.create({
      botId: bot.id,
      name: "  Help centre  ",
      slug: "Help-Centre",
      flowVersionId: null,
      channels: ["widget", "hosted", "widget"],
      environment: "staging",
      allowedDomains: ["Example.com", "*.example.com", "example.com"],
      rateLimits: { perUserPerMinute: 10, perDeploymentPerMinute: 500 },
      theme: { title: "Ask us", primaryColor: "#112233" },
    });
    expect(created).toMatchObject({
      name: "Help centre",
      slug: "help-centre",
      botId: bot.id,
      botName: "Support bot",
      version: { pinned: false, number: 1, flowVersionId: v1.id },
      channels: ["hosted", "widget"],
      environment: "staging",
      status: "active",
      allowedDomains: ["example.com", "*.example.com"],
      rateLimits: { perUserPerMinute: 10, perDeploymentPerMinute: 500 },
      theme: { title: "Ask us", primaryColor: "#112233", backgroundColor: "#ffffff", mode: "auto" },
      keyCount: 0,
      versions: [{ id: v1.id, number: 1, note: "First release" }],
    });

    // "latest" follows a new publish.
    const v2 = await editor.versions.publish({ botId: bot.id, note: "Second", draftRevision: 0 });
    const list = await editor.deployments.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: created.id,
      botName: "Support bot",
      version: { pinned: false, number: 2 },
      channels: ["hosted", "widget"],
      environment: "staging",
      status: "active",
      slug: "help-centre",
      keyCount: 0,
    });
    expect(await editor.deployments.list({ botId: bot.id })).toHaveLength(1);
    const otherBot = await createBotRow(organization.id, undefined, "Other");
    expect(await editor.deployments.list({ botId: otherBot.id })).toEqual([]);

    // Pin version 1, change the rest.
    const updated = await editor.deployments.update({
      deploymentId: created.id,
      name: "Help centre EU",
      slug: "help-centre-eu",
      flowVersionId: v1.id,
      channels: ["api", "openai"],
      environment: "production",
      allowedDomains: [],
      rateLimits: null,
      theme: { title: "Hello", mode: "dark", position: "bottom-left", avatarUrl: "https://cdn.example.com/a.png" },
    });
    expect(updated).toMatchObject({
      name: "Help centre EU",
      slug: "help-centre-eu",
      version: { pinned: true, number: 1, flowVersionId: v1.id },
      channels: ["api", "openai"],
      environment: "production",
      allowedDomains: [],
      rateLimits: { perUserPerMinute: 30, perDeploymentPerMinute: 1200 },
      theme: { title: "Hello", mode: "dark", position: "bottom-left", avatarUrl: "https://cdn.example.com/a.png" },
    });
    expect(updated.versions.map((v) => v.number)).toEqual([2, 1]);
    // Back to latest; a field left out stays.
    const latest = await editor.deployments.update({ deploymentId: created.id, flowVersionId: null });
    expect(latest.version).toEqual({ pinned: false, number: 2, flowVersionId: v2.id });
    expect(latest.name).toBe("Help centre EU");
    // Nothing changed: no audit row.
    await editor.deployments.update({ deploymentId: created.id, name: "Help centre EU" });

    const paused = await editor.deployments.setStatus({ deploymentId: created.id, status: "paused" });
    expect(paused.status).toBe("paused");
    await editor.deployments.setStatus({ deploymentId: created.id, status: "paused" });
    const resumed = await editor.deployments.setStatus({ deploymentId: created.id, status: "active" });
    expect(resumed.status).toBe("active");

    // Deleting needs an admin.
    await expectTrpcError(editor.deployments.delete({ deploymentId: created.id }), "FORBIDDEN");
    const adminCaller = await callerFor(admin.user, organization.id);
    expect(await adminCaller.deployments.delete({ deploymentId: created.id })).toEqual({ deleted: created.id });
    expect(await db().deployment.findUnique({ where: { id: created.id } })).toBeNull();
    await expectTrpcError(editor.deployments.get({ deploymentId: created.id }), "NOT_FOUND");

    expect(await auditActions(organization.id, created.id)).toEqual([
      "deployment.created",
      "deployment.updated",
      "deployment.updated",
      "deployment.paused",
      "deployment.resumed",
      "deployment.deleted",
    ]);
  });

  it("derives a slug from the name when none is given", async () => {
    const { bot, editor } = await publishedBot();
    const a = await editor.deployments.create({
      botId: bot.id,
      name: "Café Support (EU)!",
      flowVersionId: null,
      channels: ["hosted"],
      environment: "production",
      allowedDomains: [],
    });
    expect(a.slug).toMatch(/^cafe-support-eu-[a-z0-9]{6}$/);
    const b = await editor.deployments.create({
      botId: bot.id,
      name: "Café Support (EU)!",
      flowVersionId: null,
      channels: ["hosted"],
      environment: "production",
      allowedDomains: [],
    });
    expect(b.slug).not.toBe(a.slug);
    const symbols = await editor.deployments.create({
      botId: bot.id,
      name: "???",
      flowVersionId: null,
      channels: ["hosted"],
      environment: "production",
      allowedDomains: [],
    });
    expect(symbols.slug).toMatch(/^chat-[a-z0-9]{6}$/);
  });

  it("refuses a taken address, bad slugs and settings, an unpublished bot and a foreign version", async () => {
    const { organization, bot, editor, editorUser, v1 } = await publishedBot();
    const base = {
      botId: bot.id,
      name: "Web chat",
      flowVersionId: null,
      channels: ["hosted" as const],
      environment: "production" as const,
      allowedDomains: [],
    };
    const first = await editor.deployments.create({ ...base, slug: "taken-address" });
    await expectTrpcError(
      editor.deployments.create({ ...base, slug: "taken-address" }),
      "CONFLICT",
      /^That address is taken$/,
    );
    // Also from another organization: addresses are global.
    const other = await publishedBot();
    await expectTrpcError(
      other.editor.deployments.create({ ...base, botId: other.bot.id, slug: "taken-address" }),
      "CONFLICT",
      /That address is taken/,
    );
    const second = await editor.deployments.create({ ...base, slug: "second-address" });
    await expectTrpcError(
      editor.deployments.update({ deploymentId: second.id, slug: "taken-address" }),
      "CONFLICT",
      /That address is taken/,
    );
    // Its own address again is no change.
    await editor.deployments.update({ deploymentId: first.id, slug: "taken-address" });

    for (const slug of ["ab", "-abc", "abc-", "a_b_c", "ab c", "a".repeat(61)]) {
      await expectTrpcError(editor.deployments.create({ ...base, slug }), "BAD_REQUEST");
    }
    await expectTrpcError(editor.deployments.create({ ...base, channels: [] }), "BAD_REQUEST", /channel/);
    await expectTrpcError(
      editor.deployments.create({ ...base, allowedDomains: ["https://example.com/path"] }),
      "BAD_REQUEST",
      /example\.com/,
    );
    // Over HTTP, a bad setting comes back as a field error the settings form shows inline.
    const badTheme = await http({
      path: "deployments.create",
      input: { ...base, theme: { primaryColor: "blue" } },
      sessionUser: { id: editorUser.id, email: editorUser.email },
      headers: { "x-pixel-organization": organization.id },
    });
    expect(badTheme.status).toBe(400);
    expect(badTheme.error?.data.fieldErrors).toEqual([
      { path: "theme.primaryColor", message: "Use a colour like #4f46e5" },
    ]);

    const unpublished = await createBotRow(organization.id, undefined, "Draft only");
    await expectTrpcError(
      editor.deployments.create({ ...base, botId: unpublished.id }),
      "BAD_REQUEST",
      /^Publish the bot first$/,
    );

    // A version of another bot of this organization.
    const sibling = await createBotRow(organization.id, undefined, "Sibling");
    const siblingVersion = await editor.versions.publish({ botId: sibling.id, note: "x", draftRevision: 0 });
    await expectTrpcError(
      editor.deployments.create({ ...base, flowVersionId: siblingVersion.id }),
      "BAD_REQUEST",
      /another bot/,
    );
    await expectTrpcError(
      editor.deployments.update({ deploymentId: first.id, flowVersionId: siblingVersion.id }),
      "BAD_REQUEST",
    );
    // A version of another organization's bot.
    await expectTrpcError(editor.deployments.create({ ...base, flowVersionId: other.v1.id }), "NOT_FOUND");
    await expectTrpcError(
      editor.deployments.update({ deploymentId: first.id, flowVersionId: other.v1.id }),
      "NOT_FOUND",
    );
    // Its own version is fine.
    const pinned = await editor.deployments.create({ ...base, flowVersionId: v1.id });
    expect(pinned.version).toMatchObject({ pinned: true, number: 1 });
    // Another organization's bot.
    await expectTrpcError(editor.deployments.create({ ...base, botId: other.bot.id }), "NOT_FOUND");
  });

  it("API keys: shown once, stored hashed, listed without secrets, revocable", async () => {
    const { organization, bot, editor, editorUser, viewer } = await publishedBot();
    const deployment = await editor.deployments.create({
      botId: bot.id,
      name: "API",
      flowVersionId: null,
      channels: ["api", "openai"],
      environment: "production",
      allowedDomains: [],
    });
    const key = await editor.deployments.createKey({ deploymentId: deployment.id, name: "Backend" });
    expect(key.token).toMatch(/^pxd_[A-Za-z0-9_-]{40,}$/);
    expect(key).toMatchObject({ name: "Backend", lastFour: key.token.slice(-4) });

    const row = await db().deploymentApiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.tokenHash).toBe(hashToken(key.token));
    expect(JSON.stringify(row)).not.toContain(key.token);
    expect(JSON.stringify(row)).not.toContain(key.token.slice(4));
    const audits = await db().auditLog.findMany({ where: { organizationId: organization.id } });
    expect(JSON.stringify(audits)).not.toContain(key.token.slice(4));

    const viewerCaller = await callerFor(viewer.user, organization.id);
    const listed = await viewerCaller.deployments.listKeys({ deploymentId: deployment.id });
    expect(listed).toEqual([
      expect.objectContaining({
        id: key.id,
        name: "Backend",
        lastFour: key.lastFour,
        masked: `pxd_••••••••${key.lastFour}`,
        status: "active",
        revokedAt: null,
        createdBy: { name: editorUser.name, email: editorUser.email },
      }),
    ]);
    const serialized = JSON.stringify(listed);
    expect(serialized).not.toContain(key.token.slice(4));
    expect(serialized).not.toContain(row.tokenHash);
    expect((await editor.deployments.get({ deploymentId: deployment.id })).keyCount).toBe(1);

    await expectTrpcError(viewerCaller.deployments.revokeKey({ keyId: key.id }), "FORBIDDEN");
    expect(await editor.deployments.revokeKey({ keyId: key.id })).toEqual({ revoked: key.id });
    expect(await editor.deployments.revokeKey({ keyId: key.id })).toEqual({ revoked: key.id });
    const revoked = await db().deploymentApiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const after = await editor.deployments.listKeys({ deploymentId: deployment.id });
    expect(after.map((k) => k.status)).toEqual(["revoked"]);
    expect((await editor.deployments.list())[0]?.keyCount).toBe(0);
    expect(await auditActions(organization.id, deployment.id)).toEqual([
      "deployment.created",
      "deployment_key.created",
      "deployment_key.revoked",
    ]);
  });

  it("viewers read but cannot change; another organization sees NOT_FOUND", async () => {
    const { organization, bot, editor, viewer } = await publishedBot();
    const deployment = await editor.deployments.create({
      botId: bot.id,
      name: "Site chat",
      flowVersionId: null,
      channels: ["widget"],
      environment: "production",
      allowedDomains: ["example.com"],
    });
    const key = await editor.deployments.createKey({ deploymentId: deployment.id, name: "k" });

    const viewerCaller = await callerFor(viewer.user, organization.id);
    expect((await viewerCaller.deployments.list()).map((d) => d.id)).toEqual([deployment.id]);
    expect((await viewerCaller.deployments.get({ deploymentId: deployment.id })).name).toBe("Site chat");
    const base = {
      botId: bot.id,
      name: "x",
      flowVersionId: null,
      channels: ["hosted" as const],
      environment: "production" as const,
      allowedDomains: [],
    };
    await expectTrpcError(viewerCaller.deployments.create(base), "FORBIDDEN");
    await expectTrpcError(viewerCaller.deployments.update({ deploymentId: deployment.id, name: "y" }), "FORBIDDEN");
    await expectTrpcError(
      viewerCaller.deployments.setStatus({ deploymentId: deployment.id, status: "paused" }),
      "FORBIDDEN",
    );
    await expectTrpcError(viewerCaller.deployments.delete({ deploymentId: deployment.id }), "FORBIDDEN");
    await expectTrpcError(viewerCaller.deployments.createKey({ deploymentId: deployment.id, name: "k" }), "FORBIDDEN");

    const stranger = await createOrganizationWithRoles();
    const owner = await callerFor(stranger.owner.user, stranger.organization.id);
    expect(await owner.deployments.list()).toEqual([]);
    expect(await owner.deployments.list({ botId: bot.id })).toEqual([]);
    const id = { deploymentId: deployment.id };
    await expectTrpcError(owner.deployments.get(id), "NOT_FOUND");
    await expectTrpcError(owner.deployments.update({ ...id, name: "stolen" }), "NOT_FOUND");
    await expectTrpcError(owner.deployments.setStatus({ ...id, status: "paused" }), "NOT_FOUND");
    await expectTrpcError(owner.deployments.delete(id), "NOT_FOUND");
    await expectTrpcError(owner.deployments.createKey({ ...id, name: "k" }), "NOT_FOUND");
    await expectTrpcError(owner.deployments.listKeys(id), "NOT_FOUND");
    await expectTrpcError(owner.deployments.revokeKey({ keyId: key.id }), "NOT_FOUND");
    await expectTrpcError(owner.deployments.create({ ...base, slug: "stranger-slug" }), "NOT_FOUND");

    const stored = await db().deployment.findUniqueOrThrow({ where: { id: deployment.id } });
    expect(stored).toMatchObject({ name: "Site chat", status: "active" });
    expect((await db().deploymentApiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeNull();
  });

  it("a deleted bot's deployments disappear from the list and lookups", async () => {
    const { bot, editor } = await publishedBot();
    const deployment = await editor.deployments.create({
      botId: bot.id,
      name: "Gone soon",
      flowVersionId: null,
      channels: ["hosted"],
      environment: "production",
      allowedDomains: [],
    });
    await editor.bots.delete({ botId: bot.id });
    expect(await editor.deployments.list()).toEqual([]);
    await expectTrpcError(editor.deployments.get({ deploymentId: deployment.id }), "NOT_FOUND");
  });
});
