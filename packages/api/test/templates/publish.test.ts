import { type FlowDocument, parseFlowDocument } from "@pixel/flow";
import { describe, expect, it } from "vitest";
import type { PublishTemplateInput } from "../../src/routers/templates/publish.schema.ts";
import { loadTemplateDetail } from "../../src/services/templates/detail.ts";
import { searchGallery } from "../../src/services/templates/search.ts";
import { createBotRow, sampleFlow } from "../designer/support.ts";
import {
  callerFor,
  createOrganizationWithRoles,
  db,
  expectNoStackTrace,
  expectTrpcError,
  http,
  useTestDatabase,
} from "../helpers.ts";
import { ANONYMOUS } from "./support.ts";

useTestDatabase();

function form(botId: string, overrides: Partial<PublishTemplateInput> = {}): PublishTemplateInput {
  return {
    botId,
    visibility: "public",
    name: "Fruit Picker",
    description: "Helps shoppers choose between apples and bananas.",
    category: "retail",
    industry: "groceries",
    useCase: "product_recommendation",
    tags: ["fruit", "shopping"],
    complexity: "beginner",
    priceTier: "free",
    setupMinutes: 10,
    languages: ["en", "de"],
    defaultLanguage: "en",
    previewEmoji: "🍎",
    requiredIntegrations: [],
    seoTitle: "Fruit Picker chatbot",
    seoDescription: "A chatbot that helps shoppers pick fruit.",
    ...overrides,
  };
}

/** A bot of the organization with `versions` published versions (the flow's greeting says which). */
async function botWithVersions(organizationId: string, versions: number, name = "Fruit bot") {
  const bot = await createBotRow(organizationId, sampleFlow(), name);
  for (let number = 1; number <= versions; number++) {
    await db().flowVersion.create({
      data: { organizationId, botId: bot.id, number, flow: greeting(number) as object },
    });
  }
  return bot;
}

function greeting(number: number): FlowDocument {
  const flow = sampleFlow();
  return {
    ...flow,
    nodes: flow.nodes.map((n) =>
      n.id === "hello" ? ({ ...n, data: { ...n.data, text: `Version ${number}` } } as typeof n) : n,
    ),
  };
}

function helloText(flow: unknown): unknown {
  const parsed = parseFlowDocument(flow);
  return parsed.ok ? parsed.flow.nodes.find((n) => n.id === "hello")?.data : null;
}

describe("templates.publish", () => {
  it("needs a published version of the bot first (PRECONDITION_FAILED, clear message)", async () => {
    const { organization, admin } = await createOrganizationWithRoles();
    const bot = await botWithVersions(organization.id, 0);
    const caller = await callerFor(admin.user, organization.id);
    await expectTrpcError(
      caller.templates.publish(form(bot.id)),
      "PRECONDITION_FAILED",
      /Publish a version of this bot first/,
    );
    const response = await http({
      path: "templates.publish",
      input: form(bot.id),
      headers: { "x-pixel-organization": organization.id },
      sessionUser: { id: admin.user.id, email: admin.user.email },
    });
    expect(response.status).toBe(412);
    expectNoStackTrace(response);
    expect(await db().template.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("publishes the newest version as 1.0.0, then republishes as 1.1.0 with a new version row", async () => {
    const { organization, admin } = await createOrganizationWithRoles();
    const bot = await botWithVersions(organization.id, 2);
    const caller = await callerFor(admin.user, organization.id);

    const first = await caller.templates.publish(form(bot.id, { note: "First share" }));
    expect(first).toMatchObject({
      slug: "fruit-picker",
      name: "Fruit Picker",
      status: "published",
      visibility: "public",
      version: "1.0.0",
      sourceBotId: bot.id,
      usageCount: 0,
    });
    const stored = await db().template.findUniqueOrThrow({ where: { id: first.id }, include: { versions: true } });
    expect(stored).toMatchObject({
      organizationId: organization.id,
      publishedById: admin.user.id,
      tags: ["fruit", "shopping"],
    });
    expect(helloText(stored.flow)).toMatchObject({ text: "Version 2" });
    expect(stored.versions.map((v) => [v.version, v.note])).toEqual([["1.0.0", "First share"]]);
    // In the gallery at once, for everyone, and searchable.
    const page = await searchGallery(db(), { q: "apples", page: 1 }, ANONYMOUS);
    expect(page.items.map((i) => i.slug)).toEqual(["fruit-picker"]);

    await db().flowVersion.create({
      data: { organizationId: organization.id, botId: bot.id, number: 3, flow: greeting(3) as object },
    });
    const second = await caller.templates.publish(
      form(bot.id, { name: "Fruit Picker Pro", visibility: "organization", tags: ["fruit"], note: undefined }),
    );
    expect(second).toMatchObject({ id: first.id, slug: "fruit-picker", name: "Fruit Picker Pro", version: "1.1.0" });
    const versions = await db().templateVersion.findMany({
      where: { templateId: first.id },
      orderBy: { createdAt: "asc" },
    });
    expect(versions.map((v) => v.version)).toEqual(["1.0.0", "1.1.0"]);
    expect(versions[1]?.note).toBe('From version 3 of "Fruit bot"');
    expect(helloText(versions[0]?.flow)).toMatchObject({ text: "Version 2" });
    expect(helloText(versions[1]?.flow)).toMatchObject({ text: "Version 3" });
    const detail = await loadTemplateDetail(db(), "fruit-picker", {
      userId: admin.user.id,
      organizationIds: [organization.id],
    });
    expect(detail).toMatchObject({ version: "1.1.0", visibility: "organization", tags: ["fruit"] });
    expect(helloText(detail?.flow)).toMatchObject({ text: "Version 3" });
    // Organization-only now: strangers no longer see it.
    expect(await loadTemplateDetail(db(), "fruit-picker", ANONYMOUS)).toBeNull();

    const audit = await db().auditLog.findMany({
      where: { organizationId: organization.id, targetType: "template" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["template.published", "template.republished"]);
    expect(audit[1]?.metadata).toMatchObject({ version: "1.1.0", from: "1.0.0", botVersion: 3 });
  });

  it("gives a taken name's slug a short suffix, and leaves the seeded catalogue's slugs alone", async () => {
    const { organization, admin } = await createOrganizationWithRoles();
    const caller = await callerFor(admin.user, organization.id);
    const one = await caller.templates.publish(
      form((await botWithVersions(organization.id, 1, "A")).id, { name: "Shared Name" }),
    );
    const two = await caller.templates.publish(
      form((await botWithVersions(organization.id, 1, "B")).id, { name: "Shared Name" }),
    );
    expect(one.slug).toBe("shared-name");
    expect(two.slug).toMatch(/^shared-name-[0-9a-f]{6}$/);
    const seeded = await caller.templates.publish(
      form((await botWithVersions(organization.id, 1, "C")).id, { name: "Finance Accountant Expert" }),
    );
    expect(seeded.slug).toMatch(/^finance-accountant-expert-[0-9a-f]{6}$/);
  });

  it("unpublishes and archives the organization's own templates; republishing publishes again", async () => {
    const { organization, admin, owner } = await createOrganizationWithRoles();
    const bot = await botWithVersions(organization.id, 1);
    const caller = await callerFor(admin.user, organization.id);
    const kiwi = { name: "Kiwi Picker", description: "Chooses kiwis.", category: "kiwi-category" };
    const template = await caller.templates.publish(form(bot.id, kiwi));
    expect((await searchGallery(db(), { q: "kiwis", page: 1 }, ANONYMOUS)).total).toBe(1);

    expect(await caller.templates.unpublish({ templateId: template.id })).toMatchObject({ status: "draft" });
    expect((await searchGallery(db(), { q: "kiwis", page: 1 }, ANONYMOUS)).total).toBe(0);
    const member = { userId: owner.user.id, organizationIds: [organization.id] };
    expect((await loadTemplateDetail(db(), template.slug, member))?.status).toBe("draft");
    expect(await loadTemplateDetail(db(), template.slug, ANONYMOUS)).toBeNull();
    await expectTrpcError(
      (await callerFor(owner.user, organization.id)).templates.use({ slug: template.slug }),
      "NOT_FOUND",
    );

    const again = await caller.templates.publish(form(bot.id, kiwi));
    expect(again).toMatchObject({ status: "published", version: "1.1.0" });
    expect((await searchGallery(db(), { category: "kiwi-category", page: 1 }, member)).total).toBe(1);
    expect(await caller.templates.archive({ templateId: template.id })).toMatchObject({ status: "archived" });
    expect((await searchGallery(db(), { category: "kiwi-category", page: 1 }, member)).total).toBe(0);

    const mine = await caller.templates.mine();
    expect(mine).toEqual([
      expect.objectContaining({ id: template.id, status: "archived", version: "1.1.0", sourceBotId: bot.id }),
    ]);
    const forBot = await caller.templates.forBot({ botId: bot.id });
    expect(forBot).toMatchObject({
      id: template.id,
      category: "kiwi-category",
      languages: ["en", "de"],
      previewEmoji: "🍎",
    });
    const otherBot = await botWithVersions(organization.id, 0, "Unshared");
    expect(await caller.templates.forBot({ botId: otherBot.id })).toBeNull();
    const actions = await db().auditLog.findMany({
      where: { organizationId: organization.id, targetType: "template" },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "template.published",
      "template.unpublished",
      "template.republished",
      "template.archived",
    ]);
  });

  it("is for admins: editors and viewers are refused; other organizations' ids are NOT_FOUND", async () => {
    const { organization, admin, editor, viewer } = await createOrganizationWithRoles();
    const other = await createOrganizationWithRoles();
    const bot = await botWithVersions(organization.id, 1);
    const template = await (await callerFor(admin.user, organization.id)).templates.publish(form(bot.id));
    for (const member of [editor, viewer]) {
      const caller = await callerFor(member.user, organization.id);
      await expectTrpcError(caller.templates.publish(form(bot.id)), "FORBIDDEN", /admin role/);
      await expectTrpcError(caller.templates.unpublish({ templateId: template.id }), "FORBIDDEN");
      await expectTrpcError(caller.templates.archive({ templateId: template.id }), "FORBIDDEN");
    }
    // Viewers may read the list.
    expect(await (await callerFor(viewer.user, organization.id)).templates.mine()).toHaveLength(1);
    const outsider = await callerFor(other.admin.user, other.organization.id);
    await expectTrpcError(outsider.templates.publish(form(bot.id)), "NOT_FOUND");
    await expectTrpcError(outsider.templates.unpublish({ templateId: template.id }), "NOT_FOUND");
    await expectTrpcError(outsider.templates.archive({ templateId: template.id }), "NOT_FOUND");
    await expectTrpcError(outsider.templates.forBot({ botId: bot.id }), "NOT_FOUND");
    expect(await outsider.templates.mine()).toEqual([]);
    expect((await db().template.findUniqueOrThrow({ where: { id: template.id } })).status).toBe("published");
  });

  it("checks the form with clear messages", async () => {
    const { organization, admin } = await createOrganizationWithRoles();
    const bot = await botWithVersions(organization.id, 1);
    const caller = await callerFor(admin.user, organization.id);
    const cases: [Partial<PublishTemplateInput>, RegExp][] = [
      [{ tags: Array.from({ length: 13 }, (_, i) => `tag${i}`) }, /At most 12 tags/],
      [{ languages: [] }, /at least one language/],
      [{ languages: ["en"], defaultLanguage: "fr" }, /default language must be one of/],
      [{ languages: ["English"] }, /language code/],
      [{ name: "   " }, /Name is required/],
      [{ name: "Bad\u0000name" }, /control characters/],
      [{ setupMinutes: 0 }, /at least 1 minute/],
      [{ complexity: "expert" as never }, /Complexity is one of/],
      [{ visibility: "everyone" as never }, /Visibility is/],
    ];
    for (const [overrides, message] of cases) {
      await expectTrpcError(caller.templates.publish(form(bot.id, overrides)), "BAD_REQUEST", message);
    }
    expect(await db().template.count({ where: { organizationId: organization.id } })).toBe(0);
  });
});
