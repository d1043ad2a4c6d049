import type { Prisma } from "@pixel/db";
import { FLOW_DOCUMENT_VERSION } from "@pixel/flow";
import { beforeAll, describe, expect, it } from "vitest";
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

const MINUTE = 60_000;
const DAY = 86_400_000;

function flow(nodes: { id: string; type: string; name?: string; data?: Record<string, unknown> }[]) {
  const document = {
    version: FLOW_DOCUMENT_VERSION,
    nodes: nodes.map((n, i) => ({ position: { x: 0, y: i * 180 }, data: {}, ...n })),
    edges: nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]?.id ?? "start", target: n.id })),
  };
  return document as Prisma.InputJsonValue;
}

/** The published version names "hi" Greeting; the draft renamed it and added a node. */
const VERSION_FLOW = flow([
  { id: "start", type: "start" },
  { id: "hi", type: "message", name: "Greeting", data: { text: "Welcome to the shop" } },
  { id: "ask", type: "quick-reply", name: "Ask topic" },
  { id: "bye", type: "end" },
]);
const DRAFT_FLOW = flow([
  { id: "start", type: "start" },
  { id: "hi", type: "message", name: "Greeting (draft)", data: { text: "Welcome!" } },
  { id: "extra", type: "message", name: "Draft only", data: { text: "New" } },
  { id: "bye", type: "end" },
]);

interface MessageSeed {
  role: "user" | "assistant";
  parts: Record<string, unknown>[];
  nodeId?: string;
  model?: string;
  provider?: string;
  tokensIn?: number;
  tokensOut?: number;
  costUsd?: number;
  latencyMs?: number;
  status?: "complete" | "partial" | "failed";
}

async function seedConversation(
  scope: { organizationId: string; botId: string },
  options: {
    deploymentId?: string | null;
    channel: string;
    status?: "active" | "waiting_for_operator" | "ended";
    endUserId?: string;
    state?: unknown;
    createdAt: Date;
    updatedAt: Date;
    messages?: MessageSeed[];
  },
) {
  const conversation = await db().conversation.create({
    data: {
      organizationId: scope.organizationId,
      botId: scope.botId,
      deploymentId: options.deploymentId ?? null,
      channel: options.channel,
      status: options.status ?? "active",
      endUserId: options.endUserId ?? null,
      state: (options.state ?? {}) as Prisma.InputJsonValue,
      createdAt: options.createdAt,
    },
  });
  const messages = options.messages ?? [];
  for (const [index, m] of messages.entries()) {
    await db().message.create({
      data: {
        organizationId: scope.organizationId,
        conversationId: conversation.id,
        botId: scope.botId,
        role: m.role,
        parts: m.parts as Prisma.InputJsonValue,
        nodeId: m.nodeId ?? null,
        model: m.model ?? null,
        provider: m.provider ?? null,
        tokensIn: m.tokensIn ?? 0,
        tokensOut: m.tokensOut ?? 0,
        costUsd: m.costUsd ?? 0,
        latencyMs: m.latencyMs ?? null,
        status: m.status ?? "complete",
        // Messages follow the conversation's start, a second apart, ending before its last update.
        createdAt: new Date(options.createdAt.getTime() + (index + 1) * 1_000),
      },
    });
  }
  // Set last: @updatedAt would otherwise stamp the time of this write.
  await db().conversation.update({ where: { id: conversation.id }, data: { updatedAt: options.updatedAt } });
  return conversation.id;
}

const LONG_ANSWER = `Our opening hours are ${"nine to five on weekdays, ".repeat(8)}and closed on Sundays.`;

let world: Awaited<ReturnType<typeof createOrganizationWithRoles>>;
let other: Awaited<ReturnType<typeof createOrganizationWithRoles>>;
let botId: string;
let shopId: string;
let helpId: string;
const ids: Record<"hosted" | "widget" | "api" | "preview" | "other", string> = {
  hosted: "",
  widget: "",
  api: "",
  preview: "",
  other: "",
};
const now = Date.now();

beforeAll(async () => {
  world = await createOrganizationWithRoles();
  other = await createOrganizationWithRoles();
  const organizationId = world.organization.id;
  const bot = await db().bot.create({ data: { organizationId, name: "Shop assistant", draftFlow: DRAFT_FLOW } });
  botId = bot.id;
  const version = await db().flowVersion.create({
    data: { organizationId, botId, number: 1, flow: VERSION_FLOW },
  });
  const shop = await db().deployment.create({
    data: {
      organizationId,
      botId,
      flowVersionId: version.id,
      slug: `shop-${now}`,
      name: "Shop site",
      channels: ["hosted", "widget"],
    },
  });
  shopId = shop.id;
  const help = await db().deployment.create({
    data: { organizationId, botId, slug: `help-${now}`, name: "Help center", channels: ["api"] },
  });
  helpId = help.id;
  const scope = { organizationId, botId };

  // Newest first: hosted (1 min ago), preview (2 min), api (3 h), widget (10 days ago).
  ids.hosted = await seedConversation(scope, {
    deploymentId: shop.id,
    channel: "hosted",
    endUserId: "jane@example.com",
    createdAt: new Date(now - 30 * MINUTE),
    updatedAt: new Date(now - MINUTE),
    state: {
      v: 1,
      status: "waiting",
      waiting: { nodeId: "ask", data: {} },
      vars: { name: "Jane", plan: "pro", last_message: "What are your hours?" },
      expert: null,
      path: ["start", "hi", "ask"],
      steps: 3,
      turns: 2,
    },
    messages: [
      {
        role: "user",
        parts: [
          { type: "text", text: "Hello there" },
          { type: "data-input-sent", data: { type: "start" } },
        ],
      },
      {
        role: "assistant",
        nodeId: "hi",
        parts: [
          { type: "text", text: "Welcome to the shop" },
          {
            type: "data-choices",
            data: {
              prompt: "Pick one",
              options: [
                { id: "a", label: "Opening hours" },
                { id: "b", label: "Returns" },
              ],
            },
          },
        ],
      },
      {
        role: "user",
        parts: [
          { type: "text", text: "What are your HOURS? 100% sure" },
          { type: "data-input-sent", data: { type: "text", text: "What are your HOURS? 100% sure" } },
        ],
      },
      {
        role: "assistant",
        nodeId: "extra",
        model: "gpt-4o-mini",
        provider: "openai",
        tokensIn: 120,
        tokensOut: 80,
        costUsd: 0.000321,
        latencyMs: 850,
        status: "partial",
        parts: [{ type: "text", text: LONG_ANSWER, expert: "Sales" }],
      },
      // A message without text (only an input request) is not the list's preview.
      { role: "assistant", nodeId: "ask", parts: [{ type: "data-input", data: { field: { label: "Email" } } }] },
    ],
  });
  ids.preview = await seedConversation(scope, {
    channel: "preview",
    createdAt: new Date(now - 5 * MINUTE),
    updatedAt: new Date(now - 2 * MINUTE),
    messages: [
      { role: "assistant", nodeId: "hi", parts: [{ type: "text", text: "Welcome!" }] },
      { role: "user", parts: [{ type: "text", text: "testing the designer" }] },
    ],
  });
  ids.api = await seedConversation(scope, {
    deploymentId: help.id,
    channel: "api",
    status: "waiting_for_operator",
    createdAt: new Date(now - 4 * 3_600_000),
    updatedAt: new Date(now - 3 * 3_600_000),
    messages: [
      { role: "user", parts: [{ type: "text", text: "I want a human" }] },
      {
        role: "assistant",
        nodeId: "handoff",
        tokensIn: 10,
        tokensOut: 5,
        costUsd: 0.5,
        model: "claude",
        provider: "anthropic",
        status: "failed",
        parts: [{ type: "data-handoff", data: { message: "Connecting you to a person" } }],
      },
    ],
  });
  ids.widget = await seedConversation(scope, {
    deploymentId: shop.id,
    channel: "widget",
    status: "ended",
    createdAt: new Date(now - 11 * DAY),
    updatedAt: new Date(now - 10 * DAY),
    messages: [{ role: "user", parts: [{ type: "text", text: "old question about_shipping" }] }],
  });

  const otherBot = await db().bot.create({
    data: { organizationId: other.organization.id, name: "Other bot", draftFlow: DRAFT_FLOW },
  });
  ids.other = await seedConversation(
    { organizationId: other.organization.id, botId: otherBot.id },
    {
      channel: "hosted",
      createdAt: new Date(now - MINUTE),
      updatedAt: new Date(now),
      messages: [{ role: "user", parts: [{ type: "text", text: "Hello there from elsewhere" }] }],
    },
  );
});

async function viewer() {
  return callerFor(world.viewer.user, world.organization.id);
}

describe("conversations.list", () => {
  it("lists the organization's conversations, newest activity first, previews left out by default", async () => {
    const list = await (await viewer()).conversations.list({});
    expect(list.items.map((c) => c.id)).toEqual([ids.hosted, ids.api, ids.widget]);
    expect(list.nextCursor).toBeNull();
  });

  it("aggregates each conversation's messages: count, tokens, cost, last text", async () => {
    const list = await (await viewer()).conversations.list({});
    const hosted = list.items.find((c) => c.id === ids.hosted);
    expect(hosted).toMatchObject({
      botId,
      botName: "Shop assistant",
      botDeleted: false,
      deploymentId: shopId,
      deploymentName: "Shop site",
      channel: "hosted",
      status: "active",
      messageCount: 5,
      tokensIn: 120,
      tokensOut: 80,
      costUsd: 0.000321,
      lastMessageRole: "assistant",
    });
    expect(hosted?.lastMessageAt).toEqual(new Date(now - 30 * MINUTE + 5_000));
    expect(hosted?.updatedAt).toEqual(new Date(now - MINUTE));
    // The last message with text, one line of at most 120 characters.
    expect(hosted?.lastMessagePreview).toHaveLength(120);
    expect(hosted?.lastMessagePreview?.startsWith("Our opening hours are nine to five")).toBe(true);
    expect(hosted?.lastMessagePreview?.endsWith("…")).toBe(true);
    // The end user's id is opaque: shown as a short hash, never as stored.
    expect(hosted?.endUserId).toMatch(/^u-[0-9a-f]{10}$/);
    expect(JSON.stringify(list)).not.toContain("jane@example.com");

    const api = list.items.find((c) => c.id === ids.api);
    expect(api).toMatchObject({
      deploymentName: "Help center",
      status: "waiting_for_operator",
      messageCount: 2,
      tokensIn: 10,
      tokensOut: 5,
      costUsd: 0.5,
      endUserId: null,
      lastMessagePreview: "I want a human",
      lastMessageRole: "user",
    });
  });

  it("filters by deployment, bot, channel and status", async () => {
    const caller = await viewer();
    const byDeployment = await caller.conversations.list({ deploymentId: shopId });
    expect(byDeployment.items.map((c) => c.id)).toEqual([ids.hosted, ids.widget]);
    expect((await caller.conversations.list({ deploymentId: helpId })).items.map((c) => c.id)).toEqual([ids.api]);
    expect((await caller.conversations.list({ botId })).items).toHaveLength(3);

    const channels = await caller.conversations.list({ channel: ["widget", "api"] });
    expect(channels.items.map((c) => c.id)).toEqual([ids.api, ids.widget]);
    expect((await caller.conversations.list({ status: "ended" })).items.map((c) => c.id)).toEqual([ids.widget]);
    expect((await caller.conversations.list({ status: "waiting_for_operator" })).items.map((c) => c.id)).toEqual([
      ids.api,
    ]);
    expect((await caller.conversations.list({ channel: ["hosted"], status: "ended" })).items).toEqual([]);
  });

  it("includes previews when asked, or when the preview channel is chosen", async () => {
    const caller = await viewer();
    const all = await caller.conversations.list({ includePreview: true });
    expect(all.items.map((c) => c.id)).toEqual([ids.hosted, ids.preview, ids.api, ids.widget]);
    const preview = all.items.find((c) => c.id === ids.preview);
    expect(preview).toMatchObject({ channel: "preview", deploymentId: null, deploymentName: null });
    expect((await caller.conversations.list({ channel: ["preview"] })).items.map((c) => c.id)).toEqual([ids.preview]);
  });

  it("filters by date range: conversations active in it", async () => {
    const caller = await viewer();
    const lastWeek = await caller.conversations.list({ from: new Date(now - 7 * DAY).toISOString() });
    expect(lastWeek.items.map((c) => c.id)).toEqual([ids.hosted, ids.api]);
    const older = await caller.conversations.list({
      from: new Date(now - 12 * DAY).toISOString().slice(0, 10),
      to: new Date(now - 9 * DAY).toISOString(),
    });
    expect(older.items.map((c) => c.id)).toEqual([ids.widget]);
    // Started on or before `to`, last active on or after `from`: the api one spans this window.
    const spanning = await caller.conversations.list({
      from: new Date(now - 3.5 * 3_600_000),
      to: new Date(now - 3.2 * 3_600_000),
    });
    expect(spanning.items.map((c) => c.id)).toEqual([ids.api]);
    const recent = await caller.conversations.list({ from: new Date(now - 10 * MINUTE), to: new Date(now) });
    expect(recent.items.map((c) => c.id)).toEqual([ids.hosted]);
    const quiet = await caller.conversations.list({
      from: new Date(now - 40 * MINUTE),
      to: new Date(now - 35 * MINUTE),
    });
    expect(quiet.items).toEqual([]);
  });

  it("searches the text of the messages, case-insensitively and literally", async () => {
    const caller = await viewer();
    expect((await caller.conversations.list({ search: "hours?" })).items.map((c) => c.id)).toEqual([ids.hosted]);
    expect((await caller.conversations.list({ search: "welcome TO" })).items.map((c) => c.id)).toEqual([ids.hosted]);
    expect((await caller.conversations.list({ search: "100%" })).items.map((c) => c.id)).toEqual([ids.hosted]);
    // "_" is a character, not a wildcard; data parts are not searched.
    expect((await caller.conversations.list({ search: "about_shipping" })).items.map((c) => c.id)).toEqual([
      ids.widget,
    ]);
    expect((await caller.conversations.list({ search: "about shipping" })).items).toEqual([]);
    expect((await caller.conversations.list({ search: "Connecting you" })).items).toEqual([]);
    // Another organization's words are not found.
    expect((await caller.conversations.list({ search: "elsewhere" })).items).toEqual([]);
  });

  it("pages with a cursor, without repeating a row that was updated in between", async () => {
    const caller = await viewer();
    const first = await caller.conversations.list({ limit: 2 });
    expect(first.items.map((c) => c.id)).toEqual([ids.hosted, ids.api]);
    expect(first.nextCursor).toEqual(expect.any(String));
    // The first page's rows get newer while the user reads: the next page still continues after them.
    await db().conversation.update({ where: { id: ids.api }, data: { updatedAt: new Date() } });
    const second = await caller.conversations.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((c) => c.id)).toEqual([ids.widget]);
    expect(second.nextCursor).toBeNull();
    await db().conversation.update({
      where: { id: ids.api },
      data: { updatedAt: new Date(now - 3 * 3_600_000) },
    });
    // A cursor this list never gave out ends the list.
    expect(await caller.conversations.list({ cursor: "not-a-cursor" })).toEqual({ items: [], nextCursor: null });
  });

  it("rejects dates that are not dates, and ranges that end before they start (400)", async () => {
    const caller = await viewer();
    await expectTrpcError(caller.conversations.list({ from: "yesterday-ish" }), "BAD_REQUEST", /from/);
    await expectTrpcError(caller.conversations.list({ to: "2026-13-45" }), "BAD_REQUEST", /to/);
    await expectTrpcError(
      caller.conversations.list({ from: "2026-11-10", to: "2026-11-01" }),
      "BAD_REQUEST",
      /on or after/,
    );
    const result = await http({
      path: "conversations.list",
      method: "GET",
      input: { from: "not a date" },
      headers: { "x-pixel-organization": world.organization.id },
      sessionUser: { id: world.viewer.user.id, email: world.viewer.user.email },
    });
    expect(result.status).toBe(400);
    expect(result.error?.data.fieldErrors?.map((f) => f.path)).toEqual(["from"]);
    expectNoStackTrace(result);
  });

  it("never shows another organization's conversations, whatever the filters", async () => {
    const caller = await callerFor(world.owner.user, world.organization.id);
    const list = await caller.conversations.list({ includePreview: true });
    expect(list.items.map((c) => c.id)).not.toContain(ids.other);
    const otherCaller = await callerFor(other.owner.user, other.organization.id);
    expect((await otherCaller.conversations.list({ deploymentId: shopId })).items).toEqual([]);
    expect((await otherCaller.conversations.list({ botId })).items).toEqual([]);
    expect((await otherCaller.conversations.list({})).items.map((c) => c.id)).toEqual([ids.other]);
  });
});

describe("conversations.get", () => {
  it("returns the transcript in order with each message's node, model, tokens, cost and status", async () => {
    const conversation = await (await viewer()).conversations.get({ conversationId: ids.hosted });
    expect(conversation).toMatchObject({
      id: ids.hosted,
      bot: { id: botId, name: "Shop assistant", deleted: false },
      deployment: { id: shopId, name: "Shop site", slug: `shop-${now}` },
      channel: "hosted",
      status: "active",
      createdAt: new Date(now - 30 * MINUTE),
      truncated: false,
    });
    expect(conversation.endUserId).toMatch(/^u-[0-9a-f]{10}$/);
    expect(JSON.stringify(conversation)).not.toContain("jane@example.com");
    expect(conversation.messages.map((m) => [m.role, m.text])).toEqual([
      ["user", "Hello there"],
      ["assistant", "Welcome to the shop"],
      ["user", "What are your HOURS? 100% sure"],
      ["assistant", LONG_ANSWER],
      ["assistant", ""],
    ]);
    const [, greeting, , answer, ask] = conversation.messages;
    // Names come from the version the deployment serves; a node only in the draft is named from the draft.
    expect(greeting).toMatchObject({ nodeId: "hi", nodeName: "Greeting", model: null, costUsd: 0, status: "complete" });
    expect(greeting?.parts).toContainEqual(expect.objectContaining({ type: "data-choices" }));
    expect(answer).toMatchObject({
      nodeId: "extra",
      nodeName: "Draft only",
      model: "gpt-4o-mini",
      provider: "openai",
      tokensIn: 120,
      tokensOut: 80,
      costUsd: 0.000321,
      latencyMs: 850,
      status: "partial",
    });
    expect(answer?.parts).toEqual([{ type: "text", text: LONG_ANSWER, expert: "Sales" }]);
    expect(ask).toMatchObject({ nodeId: "ask", nodeName: "Ask topic", text: "" });
    expect(conversation.messages[0]?.createdAt).toEqual(new Date(now - 30 * MINUTE + 1_000));
    expect(conversation.messages.map((m) => m.createdAt.getTime())).toEqual(
      [...conversation.messages.map((m) => m.createdAt.getTime())].sort((a, b) => a - b),
    );
  });

  it("returns the totals and the flow's state: path, variables, the node waiting for an answer", async () => {
    const conversation = await (await viewer()).conversations.get({ conversationId: ids.hosted });
    expect(conversation.totals).toEqual({ tokensIn: 120, tokensOut: 80, costUsd: 0.000321, messages: 5 });
    expect(conversation.state).toMatchObject({
      path: ["start", "hi", "ask"],
      vars: { name: "Jane", plan: "pro", last_message: "What are your hours?" },
      waitingNodeId: "ask",
      flowStatus: "waiting",
    });
    expect(conversation.nodes).toMatchObject({
      start: { type: "start" },
      hi: { name: "Greeting", type: "message" },
      ask: { name: "Ask topic", type: "quick-reply" },
      extra: { name: "Draft only" },
    });

    const api = await (await viewer()).conversations.get({ conversationId: ids.api });
    expect(api.totals).toEqual({ tokensIn: 10, tokensOut: 5, costUsd: 0.5, messages: 2 });
    // No stored state yet reads as a new one; an unknown node has no name.
    expect(api.state).toMatchObject({ path: [], vars: {}, waitingNodeId: null });
    expect(api.messages[1]).toMatchObject({ nodeId: "handoff", nodeName: null, status: "failed" });
  });

  it("names a preview's nodes from the bot's draft", async () => {
    const conversation = await (await viewer()).conversations.get({ conversationId: ids.preview });
    expect(conversation.deployment).toBeNull();
    expect(conversation.channel).toBe("preview");
    expect(conversation.messages[0]).toMatchObject({ nodeId: "hi", nodeName: "Greeting (draft)" });
  });

  it("another organization's conversation is NOT_FOUND, as is an unknown id", async () => {
    const caller = await callerFor(world.owner.user, world.organization.id);
    await expectTrpcError(caller.conversations.get({ conversationId: ids.other }), "NOT_FOUND");
    await expectTrpcError(caller.conversations.get({ conversationId: "nope" }), "NOT_FOUND");
    const outsider = await callerFor(other.owner.user, other.organization.id);
    await expectTrpcError(outsider.conversations.get({ conversationId: ids.hosted }), "NOT_FOUND");
    // Acting in the organization it does not belong to is refused before anything is read.
    const intruder = await callerFor(other.owner.user, world.organization.id);
    await expectTrpcError(intruder.conversations.get({ conversationId: ids.hosted }), "FORBIDDEN");
  });
});
