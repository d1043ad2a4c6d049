import { FLOW_DOCUMENT_VERSION, parseFlowDocument } from "@pixel/flow";
import { describe, expect, it } from "vitest";
import { BLANK_FLOW_GREETING } from "../src/routers/bots/blank-flow.ts";
import {
  callerFor,
  createOrganizationWithRoles,
  db,
  expectNoStackTrace,
  expectTrpcError,
  http,
  useTestDatabase,
} from "./helpers.ts";

useTestDatabase();

/** A small valid flow: start → ask → end. */
function sampleFlow() {
  return {
    version: FLOW_DOCUMENT_VERSION,
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      { id: "hi", type: "message", position: { x: 0, y: 180 }, data: { text: "Welcome to the shop" } },
      { id: "bye", type: "end", position: { x: 0, y: 360 }, data: {} },
    ],
    edges: [
      { id: "e1", source: "start", target: "hi" },
      { id: "e2", source: "hi", target: "bye" },
    ],
  };
}

async function auditRows(organizationId: string, targetId: string) {
  return db().auditLog.findMany({
    where: { organizationId, targetId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Spreads updatedAt so the order of a list is certain. */
async function touch(botId: string, minutesAgo: number) {
  await db().bot.update({ where: { id: botId }, data: { updatedAt: new Date(Date.now() - minutesAgo * 60_000) } });
}

describe("creating bots", () => {
  it("a blank bot gets start → greeting, revision 0, the editor as last editor, and an audit row", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    const bot = await caller.bots.create({ name: "  Support  ", description: "Answers questions" });
    expect(bot).toMatchObject({
      name: "Support",
      description: "Answers questions",
      nodeCount: 2,
      latestVersion: null,
      deploymentCount: 0,
      draftRevision: 0,
      updatedBy: { name: editor.user.name, email: editor.user.email },
    });

    const stored = await db().bot.findUniqueOrThrow({ where: { id: bot.id } });
    expect(stored.organizationId).toBe(organization.id);
    expect(stored.updatedById).toBe(editor.user.id);
    expect(stored.draftRevision).toBe(0);
    const parsed = parseFlowDocument(stored.draftFlow);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.issues.filter((i) => i.severity === "error")).toEqual([]);
    const flow = parsed.flow;
    expect(flow.version).toBe(FLOW_DOCUMENT_VERSION);
    expect(flow.nodes.map((n) => [n.id, n.type])).toEqual([
      ["start", "start"],
      ["greeting", "message"],
    ]);
    expect(flow.nodes[0]?.position).toEqual({ x: 0, y: 0 });
    expect(flow.nodes[1]?.data).toMatchObject({ text: BLANK_FLOW_GREETING });
    expect(flow.edges).toEqual([{ id: "start-greeting", source: "start", sourceHandle: "next", target: "greeting" }]);

    const audit = await auditRows(organization.id, bot.id);
    expect(audit.map((a) => a.action)).toEqual(["bot.created"]);
    expect(audit[0]).toMatchObject({ actorId: editor.user.id, targetType: "bot" });
    expect(audit[0]?.metadata).toMatchObject({ name: "Support" });
  });

  it("from a valid flow (object or JSON text), stored as given", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    const bot = await caller.bots.create({ name: "Shop", flow: sampleFlow() });
    expect(bot.nodeCount).toBe(3);
    const stored = await db().bot.findUniqueOrThrow({ where: { id: bot.id } });
    const flow = stored.draftFlow as { nodes: { id: string; data: unknown }[] };
    expect(flow.nodes.map((n) => n.id)).toEqual(["start", "hi", "bye"]);
    expect(flow.nodes[1]?.data).toEqual({ text: "Welcome to the shop" });

    const fromText = await caller.bots.create({ name: "Shop text", flow: JSON.stringify(sampleFlow()) });
    expect(fromText.nodeCount).toBe(3);
  });

  it("an invalid flow → 400 listing its problems; nothing is created", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    const broken = sampleFlow();
    (broken.nodes[1] as { type: string }).type = "teleport";
    const error = await expectTrpcError(
      caller.bots.create({ name: "Broken", flow: broken }),
      "BAD_REQUEST",
      /^The flow document is not valid: /,
    );
    expect(error.message).toMatch(/Unknown node type "teleport"/);
    expect(error.message).toMatch(/node "hi"/);
    await expectTrpcError(caller.bots.create({ name: "Broken", flow: "not json" }), "BAD_REQUEST", /not valid/);
    await expectTrpcError(caller.bots.create({ name: "Broken", flow: [1, 2] }), "BAD_REQUEST", /JSON object/);
    expect(await db().bot.count({ where: { organizationId: organization.id } })).toBe(0);

    // Over HTTP: a plain 400 with the message, no stack.
    const result = await http({
      path: "bots.create",
      input: { name: "Broken", flow: broken },
      headers: { "x-pixel-organization": organization.id },
      sessionUser: { id: editor.user.id, email: editor.user.email },
    });
    expect(result.status).toBe(400);
    expect(result.error?.message).toMatch(/Unknown node type "teleport"/);
    expectNoStackTrace(result);
  });

  it("checks the name: required, at most 80 characters", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    await expectTrpcError(caller.bots.create({ name: "   " }), "BAD_REQUEST", /Name the bot/);
    await expectTrpcError(caller.bots.create({ name: "x".repeat(81) }), "BAD_REQUEST", /name/);
    await expectTrpcError(caller.bots.create({ name: "ok", description: "x".repeat(501) }), "BAD_REQUEST");
  });

  it("a viewer cannot create, rename, duplicate or delete (FORBIDDEN) but can list and get", async () => {
    const { organization, editor, viewer } = await createOrganizationWithRoles();
    const bot = await (await callerFor(editor.user, organization.id)).bots.create({ name: "Read only" });
    const caller = await callerFor(viewer.user, organization.id);
    await expectTrpcError(caller.bots.create({ name: "Nope" }), "FORBIDDEN");
    await expectTrpcError(caller.bots.rename({ botId: bot.id, name: "Nope" }), "FORBIDDEN");
    await expectTrpcError(caller.bots.duplicate({ botId: bot.id }), "FORBIDDEN");
    await expectTrpcError(caller.bots.delete({ botId: bot.id }), "FORBIDDEN");
    expect((await caller.bots.list()).items.map((b) => b.id)).toEqual([bot.id]);
    expect((await caller.bots.get({ botId: bot.id })).name).toBe("Read only");
    expect(await db().bot.count({ where: { organizationId: organization.id } })).toBe(1);
  });
});

describe("listing bots", () => {
  it("newest edit first, with node counts, latest version and deployments", async () => {
    const { organization, owner, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    const older = await caller.bots.create({ name: "Older", flow: sampleFlow() });
    const newer = await caller.bots.create({ name: "Newer" });
    await touch(older.id, 10);
    await touch(newer.id, 5);
    // Two published versions and a deployment for the older bot.
    for (const number of [1, 2]) {
      await db().flowVersion.create({
        data: { organizationId: organization.id, botId: older.id, number, flow: sampleFlow() },
      });
    }
    await db().deployment.create({
      data: {
        organizationId: organization.id,
        botId: older.id,
        slug: `dep-${older.id}`,
        name: "Website",
        channels: ["widget"],
        allowedDomains: [],
      },
    });

    const list = await (await callerFor(owner.user, organization.id)).bots.list();
    expect(list.nextCursor).toBeNull();
    expect(list.items.map((b) => b.name)).toEqual(["Newer", "Older"]);
    expect(list.items[0]).toMatchObject({ nodeCount: 2, latestVersion: null, deploymentCount: 0 });
    expect(list.items[1]).toMatchObject({
      id: older.id,
      nodeCount: 3,
      latestVersion: 2,
      deploymentCount: 1,
      updatedBy: { name: editor.user.name, email: editor.user.email },
    });
    expect(list.items[1]?.updatedAt).toBeInstanceOf(Date);
    // The list never carries the flow itself.
    expect(Object.keys(list.items[0] ?? {}).sort()).toEqual([
      "deploymentCount",
      "description",
      "id",
      "latestVersion",
      "name",
      "nodeCount",
      "updatedAt",
      "updatedBy",
    ]);
  });

  it("searches name and description, case-insensitively; wildcards are literal", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    await caller.bots.create({ name: "Order tracker", description: "Where is my parcel?" });
    await caller.bots.create({ name: "FAQ", description: "Answers about ORDERS and returns" });
    await caller.bots.create({ name: "Lead capture", description: "Books 100% of demos" });
    const names = async (search: string) =>
      (await caller.bots.list({ search })).items.map((b) => b.name).sort((a, b) => a.localeCompare(b));
    expect(await names("order")).toEqual(["FAQ", "Order tracker"]);
    expect(await names("  PARCEL ")).toEqual(["Order tracker"]);
    expect(await names("lead")).toEqual(["Lead capture"]);
    expect(await names("%")).toEqual(["Lead capture"]);
    expect(await names("_")).toEqual([]);
    expect(await names("nothing like this")).toEqual([]);
    expect(await names("   ")).toHaveLength(3);
    await expectTrpcError(caller.bots.list({ search: "x".repeat(101) }), "BAD_REQUEST");
  });

  it("pages with a cursor until nextCursor is null", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const bot = await caller.bots.create({ name: `Bot ${i}` });
      await touch(bot.id, 10 - i);
      ids.push(bot.id);
    }
    const newestFirst = [...ids].reverse();
    const first = await caller.bots.list({ limit: 2 });
    expect(first.items.map((b) => b.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.nextCursor).toBe(newestFirst[1]);
    const second = await caller.bots.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((b) => b.id)).toEqual(newestFirst.slice(2, 4));
    const third = await caller.bots.list({ limit: 2, cursor: second.nextCursor });
    expect(third.items.map((b) => b.id)).toEqual(newestFirst.slice(4));
    expect(third.nextCursor).toBeNull();
    await expectTrpcError(caller.bots.list({ limit: 0 }), "BAD_REQUEST");
    await expectTrpcError(caller.bots.list({ limit: 101 }), "BAD_REQUEST");
  });
});

describe("changing bots", () => {
  it("rename changes name and description, bumps updatedAt and the last editor, not the draft revision", async () => {
    const { organization, owner, editor } = await createOrganizationWithRoles();
    const bot = await (await callerFor(owner.user, organization.id)).bots.create({
      name: "Old name",
      description: "Old description",
    });
    await db().bot.update({ where: { id: bot.id }, data: { draftRevision: 7 } });
    await touch(bot.id, 60);
    const before = await db().bot.findUniqueOrThrow({ where: { id: bot.id } });

    const caller = await callerFor(editor.user, organization.id);
    const renamed = await caller.bots.rename({ botId: bot.id, name: " New name ", description: "New description" });
    expect(renamed).toMatchObject({
      id: bot.id,
      name: "New name",
      description: "New description",
      draftRevision: 7,
      updatedBy: { email: editor.user.email },
    });
    expect(renamed.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    const after = await db().bot.findUniqueOrThrow({ where: { id: bot.id } });
    expect(after.draftRevision).toBe(7);
    expect(after.draftFlow).toEqual(before.draftFlow);
    expect(after.updatedById).toBe(editor.user.id);

    // Leaving the description out keeps it; an empty one removes it.
    expect((await caller.bots.rename({ botId: bot.id, name: "Newer" })).description).toBe("New description");
    expect((await caller.bots.rename({ botId: bot.id, name: "Newer", description: "" })).description).toBeNull();

    const audit = await auditRows(organization.id, bot.id);
    expect(audit.map((a) => a.action)).toEqual(["bot.created", "bot.renamed", "bot.renamed", "bot.renamed"]);
    expect(audit[1]?.metadata).toEqual({ name: "New name", from: "Old name" });
  });

  it("duplicate copies the draft under '<name> (copy)' or a given name, without versions or deployments", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    const original = await caller.bots.create({ name: "Shop", description: "Sells", flow: sampleFlow() });
    await db().flowVersion.create({
      data: { organizationId: organization.id, botId: original.id, number: 1, flow: sampleFlow() },
    });

    const copy = await caller.bots.duplicate({ botId: original.id });
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({
      name: "Shop (copy)",
      description: "Sells",
      nodeCount: 3,
      latestVersion: null,
      deploymentCount: 0,
      draftRevision: 0,
    });
    const [source, duplicate] = await Promise.all([
      db().bot.findUniqueOrThrow({ where: { id: original.id } }),
      db().bot.findUniqueOrThrow({ where: { id: copy.id } }),
    ]);
    expect(duplicate.draftFlow).toEqual(source.draftFlow);
    expect(duplicate.organizationId).toBe(organization.id);

    const named = await caller.bots.duplicate({ botId: original.id, name: "Shop 2" });
    expect(named.name).toBe("Shop 2");
    const long = await caller.bots.create({ name: "L".repeat(80) });
    const longCopy = await caller.bots.duplicate({ botId: long.id });
    expect(longCopy.name).toHaveLength(80);
    expect(longCopy.name.endsWith(" (copy)")).toBe(true);

    expect((await auditRows(organization.id, copy.id)).map((a) => a.action)).toEqual(["bot.duplicated"]);
    expect((await caller.bots.list()).items).toHaveLength(5);
  });

  it("delete hides the bot from list, get, rename, duplicate and a second delete; the row stays", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    const kept = await caller.bots.create({ name: "Kept" });
    const bot = await caller.bots.create({ name: "Doomed" });
    expect(await caller.bots.delete({ botId: bot.id })).toEqual({ deleted: bot.id });

    expect((await caller.bots.list()).items.map((b) => b.id)).toEqual([kept.id]);
    expect((await caller.bots.list({ search: "Doomed" })).items).toEqual([]);
    await expectTrpcError(caller.bots.get({ botId: bot.id }), "NOT_FOUND", /^Bot not found\.$/);
    await expectTrpcError(caller.bots.rename({ botId: bot.id, name: "Back" }), "NOT_FOUND");
    await expectTrpcError(caller.bots.duplicate({ botId: bot.id }), "NOT_FOUND");
    await expectTrpcError(caller.bots.delete({ botId: bot.id }), "NOT_FOUND");

    const row = await db().bot.findUniqueOrThrow({ where: { id: bot.id } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.name).toBe("Doomed");
    const audit = await auditRows(organization.id, bot.id);
    expect(audit.map((a) => a.action)).toEqual(["bot.created", "bot.deleted"]);
    expect(audit[1]?.metadata).toEqual({ name: "Doomed" });
  });

  it("unknown ids → NOT_FOUND", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    await expectTrpcError(caller.bots.get({ botId: "nope" }), "NOT_FOUND", /Bot not found/);
    await expectTrpcError(caller.bots.rename({ botId: "nope", name: "x" }), "NOT_FOUND");
    await expectTrpcError(caller.bots.duplicate({ botId: "nope" }), "NOT_FOUND");
    await expectTrpcError(caller.bots.delete({ botId: "nope" }), "NOT_FOUND");
  });
});

describe("tenancy", () => {
  it("another organization cannot see, page into, rename, duplicate or delete a bot (NOT_FOUND)", async () => {
    const a = await createOrganizationWithRoles();
    const b = await createOrganizationWithRoles();
    const bBot = await (await callerFor(b.editor.user, b.organization.id)).bots.create({
      name: "B secret bot",
      description: "only for B",
    });
    const before = await db().bot.findUniqueOrThrow({ where: { id: bBot.id } });

    const caller = await callerFor(a.owner.user, a.organization.id);
    const mine = await caller.bots.create({ name: "A bot" });
    expect((await caller.bots.list()).items.map((x) => x.id)).toEqual([mine.id]);
    expect((await caller.bots.list({ search: "secret" })).items).toEqual([]);
    // B's bot as a cursor does not page into (or reveal the position of) B's rows.
    expect(await caller.bots.list({ cursor: bBot.id })).toEqual({ items: [], nextCursor: null });

    await expectTrpcError(caller.bots.get({ botId: bBot.id }), "NOT_FOUND", /^Bot not found\.$/);
    await expectTrpcError(caller.bots.rename({ botId: bBot.id, name: "Mine now" }), "NOT_FOUND");
    await expectTrpcError(caller.bots.duplicate({ botId: bBot.id }), "NOT_FOUND");
    await expectTrpcError(caller.bots.delete({ botId: bBot.id }), "NOT_FOUND");

    expect(await db().bot.findUniqueOrThrow({ where: { id: bBot.id } })).toEqual(before);
    expect(await db().bot.count({ where: { organizationId: a.organization.id } })).toBe(1);
    expect((await auditRows(b.organization.id, bBot.id)).map((x) => x.action)).toEqual(["bot.created"]);

    // Asking in B's organization without being a member is refused outright.
    const intruder = await callerFor(a.owner.user, b.organization.id);
    await expectTrpcError(intruder.bots.list(), "FORBIDDEN");
  });
});
