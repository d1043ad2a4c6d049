import { parseFlowDocument, TEMPLATE_SEEDS } from "@pixel/flow";
import { describe, expect, it } from "vitest";
import { seedTemplates } from "../../src/services/templates/seed.ts";
import { callerFor, createOrganizationWithRoles, db, expectTrpcError, useTestDatabase } from "../helpers.ts";
import { atOnce, createTemplateRow } from "./support.ts";

useTestDatabase();

describe("templates.use", () => {
  it("creates a bot in the active organization with a copy of the flow, and counts the use", async () => {
    await seedTemplates(db());
    const { organization, editor } = await createOrganizationWithRoles();
    const seed = TEMPLATE_SEEDS.find((s) => s.slug === "marketing-campaign-planning");
    if (!seed) throw new Error("seed missing");
    const caller = await callerFor(editor.user, organization.id);

    const { botId } = await caller.templates.use({ slug: seed.slug });
    const bot = await db().bot.findUniqueOrThrow({ where: { id: botId }, include: { template: true } });
    expect(bot).toMatchObject({ organizationId: organization.id, name: seed.name, description: seed.description });
    expect(bot.template?.slug).toBe(seed.slug);
    expect(bot.draftRevision).toBe(0);
    const parsed = parseFlowDocument(bot.draftFlow);
    expect(parsed.ok && parsed.flow).toEqual(seed.flow);
    expect((await db().template.findUniqueOrThrow({ where: { slug: seed.slug } })).usageCount).toBe(1);
    const audit = await db().auditLog.findFirst({
      where: { organizationId: organization.id, action: "template.used" },
    });
    expect(audit).toMatchObject({ actorId: editor.user.id, targetType: "bot", targetId: botId });

    // The bot is the organization's own: its designer opens it.
    const draft = await caller.flowDraft.get({ botId });
    expect(draft.document?.nodes.length).toBe(seed.flow.nodes.length);

    // A copy: changing the template later leaves the bot alone.
    await db().template.update({ where: { slug: seed.slug }, data: { flow: { version: 1, nodes: [], edges: [] } } });
    expect((await db().bot.findUniqueOrThrow({ where: { id: botId } })).draftFlow).toEqual(bot.draftFlow);
  });

  it("counts concurrent uses exactly", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const template = await createTemplateRow();
    const caller = await callerFor(editor.user, organization.id);
    const results = await atOnce(Array.from({ length: 6 }, () => () => caller.templates.use({ slug: template.slug })));
    expect(new Set(results.map((r) => r.botId)).size).toBe(6);
    expect((await db().template.findUniqueOrThrow({ where: { id: template.id } })).usageCount).toBe(6);
  });

  it("answers NOT_FOUND for unknown, draft, archived and other organizations' templates", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const other = await createOrganizationWithRoles();
    const caller = await callerFor(editor.user, organization.id);
    const hidden = [
      await createTemplateRow({ status: "draft" }),
      await createTemplateRow({ status: "archived" }),
      await createTemplateRow({ organizationId: other.organization.id, visibility: "organization" }),
    ];
    for (const slug of ["no-such-template", ...hidden.map((t) => t.slug)]) {
      await expectTrpcError(caller.templates.use({ slug }), "NOT_FOUND", /no template/);
    }
    expect(await db().bot.count({ where: { organizationId: organization.id } })).toBe(0);
    for (const template of hidden) {
      expect((await db().template.findUniqueOrThrow({ where: { id: template.id } })).usageCount).toBe(0);
    }
    // The owner organization's members may use their organization-only template.
    const own = await createTemplateRow({ organizationId: organization.id, visibility: "organization" });
    await expect(caller.templates.use({ slug: own.slug })).resolves.toMatchObject({ botId: expect.any(String) });
  });

  it("needs the editor role and a valid slug", async () => {
    const { organization, viewer, editor } = await createOrganizationWithRoles();
    const template = await createTemplateRow();
    await expectTrpcError(
      (await callerFor(viewer.user, organization.id)).templates.use({ slug: template.slug }),
      "FORBIDDEN",
    );
    await expectTrpcError(
      (await callerFor(null, organization.id)).templates.use({ slug: template.slug }),
      "UNAUTHORIZED",
    );
    const caller = await callerFor(editor.user, organization.id);
    await expectTrpcError(caller.templates.use({ slug: "" }), "BAD_REQUEST", /slug/);
    await expectTrpcError(caller.templates.use({ slug: "x".repeat(500) }), "BAD_REQUEST");
    expect((await db().template.findUniqueOrThrow({ where: { id: template.id } })).usageCount).toBe(0);
  });

  it("refuses a template whose stored flow cannot be read, with a clear 4xx", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const broken = await createTemplateRow({ flow: { version: 1, nodes: "not a list" } });
    const caller = await callerFor(editor.user, organization.id);
    await expectTrpcError(caller.templates.use({ slug: broken.slug }), "UNPROCESSABLE_CONTENT", /cannot be used/);
  });
});
