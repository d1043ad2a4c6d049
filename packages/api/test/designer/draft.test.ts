import { diffFlows, type FlowDocument } from "@pixel/flow";
import { describe, expect, it } from "vitest";
import { callerFor, createOrganizationWithRoles, db, expectTrpcError, useTestDatabase } from "../helpers.ts";
import { createBotRow, sampleFlow } from "./support.ts";

useTestDatabase();

function edited(flow: FlowDocument, nodeId: string, field: string, value: unknown): FlowDocument {
  return {
    ...flow,
    nodes: flow.nodes.map((n) => (n.id === nodeId ? ({ ...n, data: { ...n.data, [field]: value } } as typeof n) : n)),
  };
}

describe("draft saving", () => {
  it("saves small changes against a revision and returns no document when the client is current", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const bot = await createBotRow(organization.id);
    const caller = await callerFor(editor.user, organization.id);
    const draft = await caller.flowDraft.get({ botId: bot.id });
    expect(draft.revision).toBe(0);
    const next = edited(draft.document as FlowDocument, "hello", "text", "Hi there");
    const saved = await caller.flowDraft.save({
      botId: bot.id,
      baseRevision: 0,
      changes: diffFlows(draft.document as FlowDocument, next),
    });
    expect(saved).toMatchObject({ revision: 1, conflicts: [], document: null });
    const again = await caller.flowDraft.get({ botId: bot.id, knownRevision: 1 });
    expect(again.document).toBeNull();
    const fresh = await caller.flowDraft.get({ botId: bot.id });
    expect(fresh.document?.nodes.find((n) => n.id === "hello")?.data).toMatchObject({ text: "Hi there" });
  });

  it("merges two teammates' edits to different nodes and fields; a real conflict is returned, not overwritten", async () => {
    const { organization, editor, admin } = await createOrganizationWithRoles();
    const bot = await createBotRow(organization.id);
    const alice = await callerFor(editor.user, organization.id);
    const bob = await callerFor(admin.user, organization.id);
    const base = sampleFlow();

    await alice.flowDraft.save({
      botId: bot.id,
      baseRevision: 0,
      changes: diffFlows(base, edited(base, "hello", "text", "Alice's hello")),
    });
    // Bob still works from revision 0: a different node merges, and he gets the merged document back.
    const bobSave = await bob.flowDraft.save({
      botId: bot.id,
      baseRevision: 0,
      changes: diffFlows(base, edited(base, "done", "message", "Bob's goodbye")),
    });
    expect(bobSave.conflicts).toEqual([]);
    expect(bobSave.revision).toBe(2);
    const merged = bobSave.document as FlowDocument;
    expect(merged.nodes.find((n) => n.id === "hello")?.data).toMatchObject({ text: "Alice's hello" });
    expect(merged.nodes.find((n) => n.id === "done")?.data).toMatchObject({ message: "Bob's goodbye" });

    // Bob edits the same field Alice changed, from his stale base: a conflict, and Alice's text stays.
    const conflict = await bob.flowDraft.save({
      botId: bot.id,
      baseRevision: 0,
      changes: diffFlows(base, edited(base, "hello", "text", "Bob's hello")),
    });
    expect(conflict.conflicts).toHaveLength(1);
    expect(conflict.conflicts[0]).toMatchObject({ key: "node/hello/data/text", current: "Alice's hello" });
    expect(conflict.revision).toBe(2);
    const stored = await db().bot.findUniqueOrThrow({ where: { id: bot.id } });
    expect(JSON.stringify(stored.draftFlow)).toContain("Alice's hello");

    // Keeping his: he sends it again with the value he now knows is there.
    const kept = await bob.flowDraft.save({
      botId: bot.id,
      baseRevision: 2,
      changes: [{ key: "node/hello/data/text", before: "Alice's hello", after: "Bob's hello" }],
    });
    expect(kept).toMatchObject({ revision: 3, conflicts: [] });
  });

  it("refuses changes that would break the document, unknown bots, viewers and other organizations", async () => {
    const { organization, editor, viewer } = await createOrganizationWithRoles();
    const other = await createOrganizationWithRoles();
    const bot = await createBotRow(organization.id);
    const caller = await callerFor(editor.user, organization.id);
    await expectTrpcError(
      caller.flowDraft.save({
        botId: bot.id,
        baseRevision: 0,
        changes: [{ key: "node/hello/data/text", before: "Hello {{name}}", after: 42 }],
      }),
      "BAD_REQUEST",
    );
    await expectTrpcError(
      caller.flowDraft.save({ botId: bot.id, baseRevision: 0, changes: [{ key: "bogus", before: null, after: 1 }] }),
      "BAD_REQUEST",
    );
    await expectTrpcError(caller.flowDraft.get({ botId: "nope" }), "NOT_FOUND");
    const viewerCaller = await callerFor(viewer.user, organization.id);
    await viewerCaller.flowDraft.get({ botId: bot.id });
    await expectTrpcError(
      viewerCaller.flowDraft.save({
        botId: bot.id,
        baseRevision: 0,
        changes: [{ key: "node/hello/data/text", before: "Hello {{name}}", after: "x" }],
      }),
      "FORBIDDEN",
    );
    const outsider = await callerFor(other.editor.user, other.organization.id);
    await expectTrpcError(outsider.flowDraft.get({ botId: bot.id }), "NOT_FOUND");
    const unchanged = await db().bot.findUniqueOrThrow({ where: { id: bot.id } });
    expect(unchanged.draftRevision).toBe(0);
  });
});
