import { diffFlows, type FlowDocument } from "@pixel/flow";
import { describe, expect, it } from "vitest";
import { callerFor, createOrganizationWithRoles, db, expectTrpcError, useTestDatabase } from "../helpers.ts";
import { createBotRow, sampleFlow } from "./support.ts";

useTestDatabase();

describe("versions", () => {
  it("publish with a note → change → publish → restore the first as the draft → republish it", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const bot = await createBotRow(organization.id);
    const caller = await callerFor(editor.user, organization.id);

    const v1 = await caller.versions.publish({ botId: bot.id, note: "First release", draftRevision: 0 });
    expect(v1.number).toBe(1);
    const base = sampleFlow();
    const changed: FlowDocument = {
      ...base,
      nodes: base.nodes.map((n) =>
        n.id === "hello" ? ({ ...n, data: { ...n.data, text: "Welcome!" } } as typeof n) : n,
      ),
    };
    await caller.flowDraft.save({ botId: bot.id, baseRevision: 0, changes: diffFlows(base, changed) });
    // The draft moved on since revision 0: publishing what was reviewed at 0 is refused.
    await expectTrpcError(caller.versions.publish({ botId: bot.id, note: "stale", draftRevision: 0 }), "CONFLICT");
    const v2 = await caller.versions.publish({ botId: bot.id, note: "Warmer greeting", draftRevision: 1 });
    expect(v2.number).toBe(2);

    const list = await caller.versions.list({ botId: bot.id });
    expect(list.map((v) => [v.number, v.note, v.createdBy?.email])).toEqual([
      [2, "Warmer greeting", editor.user.email],
      [1, "First release", editor.user.email],
    ]);
    const first = await caller.versions.get({ versionId: v1.id });
    expect(first.flow.nodes.find((n) => n.id === "hello")?.data).toMatchObject({ text: "Hello {{name}}" });

    const restored = await caller.versions.restore({ versionId: v1.id });
    expect(restored.revision).toBe(2);
    const draft = await caller.flowDraft.get({ botId: bot.id });
    expect(draft.document?.nodes.find((n) => n.id === "hello")?.data).toMatchObject({ text: "Hello {{name}}" });

    const v3 = await caller.versions.republish({ versionId: v1.id });
    expect(v3).toMatchObject({ number: 3, note: "Republished version 1" });
    const actions = await db().auditLog.findMany({ where: { organizationId: organization.id, targetId: bot.id } });
    expect(actions.map((a) => a.action).sort()).toEqual(
      ["flow.published", "flow.published", "flow.republished", "flow.restored"].sort(),
    );
  });

  it("refuses to publish a flow with errors, with a note missing, or for a viewer", async () => {
    const { organization, editor, viewer } = await createOrganizationWithRoles();
    const broken = sampleFlow();
    broken.edges = [...broken.edges, { id: "e9", source: "done", sourceHandle: "next", target: "ghost" }];
    const bot = await createBotRow(organization.id, broken);
    const caller = await callerFor(editor.user, organization.id);
    await expectTrpcError(
      caller.versions.publish({ botId: bot.id, note: "x", draftRevision: 0 }),
      "BAD_REQUEST",
      /error/,
    );
    await expectTrpcError(caller.versions.publish({ botId: bot.id, note: "  ", draftRevision: 0 }), "BAD_REQUEST");
    const viewerCaller = await callerFor(viewer.user, organization.id);
    await expectTrpcError(viewerCaller.versions.publish({ botId: bot.id, note: "x", draftRevision: 0 }), "FORBIDDEN");
    await expectTrpcError(caller.versions.get({ versionId: "missing" }), "NOT_FOUND");
    expect(await db().flowVersion.count({ where: { botId: bot.id } })).toBe(0);
  });
});
