import { randomBytes } from "node:crypto";
import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import { type FlowDocument, flowDocumentSchema } from "@pixel/flow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "./ai/support.ts";
import {
  handleChatConfig,
  handleChatOptions,
  handleChatTurn,
  handleConversationHistory,
  type PublicChatMessage,
} from "../src/index.ts";
import { sampleFlow } from "./designer/support.ts";
import { APP_URL, callerFor, createOrganization, createOrganizationWithRoles, db, useTestDatabase } from "./helpers.ts";

useTestDatabase();

const SECRET = "sk-public-chat-test-000000000000";
let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: SECRET });
});
afterAll(async () => {
  await standIn?.close();
});

const SHOP = "https://shop.example.com";
const HOSTED = { origin: APP_URL };

/** start → hello → ask → (a) AI answer → end. */
function aiFlow(): FlowDocument {
  return flowDocumentSchema.parse({
    version: 1,
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      { id: "hello", type: "message", position: { x: 0, y: 0 }, data: { text: "Hello {{name}}" } },
      {
        id: "ask",
        type: "quick-reply",
        position: { x: 0, y: 0 },
        data: { prompt: "Pick", options: [{ id: "a", label: "Ask the AI" }], variable: "pick" },
      },
      {
        id: "ai",
        type: "ai-step",
        position: { x: 0, y: 0 },
        data: { model: "openai:gpt-4o-mini", systemPrompt: "Be brief.", prompt: "Say hello" },
      },
      { id: "done", type: "end", position: { x: 0, y: 0 }, data: {} },
    ],
    edges: [
      { id: "e1", source: "start", target: "hello" },
      { id: "e2", source: "hello", target: "ask" },
      { id: "e3", source: "ask", sourceHandle: "a", target: "ai" },
      { id: "e4", source: "ai", target: "done" },
    ],
    variables: [{ name: "name", default: "Ada" }],
  });
}

/** start → ask for an email (refuses a bad one) → hand off to a person. */
function formFlow(): FlowDocument {
  return flowDocumentSchema.parse({
    version: 1,
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      {
        id: "collect",
        type: "collect-data",
        position: { x: 0, y: 0 },
        data: { fields: [{ name: "email", label: "Your email?", type: "email" }] },
      },
      { id: "person", type: "human-handoff", position: { x: 0, y: 0 }, data: { message: "A person will answer." } },
    ],
    edges: [
      { id: "e1", source: "start", target: "collect" },
      { id: "e2", source: "collect", target: "person" },
    ],
    variables: [],
  });
}

interface DeploymentOptions {
  organizationId?: string;
  flow?: FlowDocument;
  publish?: boolean;
  channels?: string[];
  allowedDomains?: string[];
  status?: "active" | "paused";
  rateLimits?: object;
  theme?: object;
}

let counter = 0;
async function createDeployment(options: DeploymentOptions = {}) {
  const organizationId = options.organizationId ?? (await createOrganization()).id;
  const flow = options.flow ?? sampleFlow();
  const bot = await db().bot.create({ data: { organizationId, name: "Public bot", draftFlow: flow as object } });
  if (options.publish !== false) {
    await db().flowVersion.create({ data: { organizationId, botId: bot.id, number: 1, flow: flow as object } });
  }
  counter += 1;
  return db().deployment.create({
    data: {
      organizationId,
      botId: bot.id,
      slug: `chat-${randomBytes(4).toString("hex")}-${counter}`,
      name: "Support",
      channels: options.channels ?? ["hosted", "widget"],
      allowedDomains: options.allowedDomains ?? [],
      status: options.status ?? "active",
      rateLimits: options.rateLimits ?? {},
      theme: options.theme ?? {},
    },
  });
}

interface Chunk {
  type: string;
  delta?: string;
  data?: Record<string, unknown>;
}

interface Result {
  status: number;
  headers: Headers;
  text: string;
  chunks: Chunk[];
  json: { error?: { code: string; message: string } } & Record<string, unknown>;
}

async function read(response: Response): Promise<Result> {
  const text = await response.text();
  const isStream = (response.headers.get("content-type") ?? "").includes("text/event-stream");
  const chunks: Chunk[] = isStream
    ? text
        .split("\n")
        .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
        .map((line) => JSON.parse(line.slice(6)) as Chunk)
    : [];
  return { status: response.status, headers: response.headers, text, chunks, json: isStream ? {} : JSON.parse(text) };
}

async function turn(slug: string, body: unknown, headers: Record<string, string> = HOSTED): Promise<Result> {
  const req = new Request(`${APP_URL}/api/chat/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return read(await handleChatTurn({ req, prisma: db(), slug, appUrl: APP_URL }));
}

async function history(
  slug: string,
  conversationId: string,
  endUserId: string | null,
  headers: Record<string, string> = { "sec-fetch-site": "same-origin" },
): Promise<Result> {
  const query = endUserId === null ? "" : `?endUserId=${encodeURIComponent(endUserId)}`;
  const req = new Request(`${APP_URL}/api/chat/${slug}/conversations/${conversationId}${query}`, { headers });
  return read(await handleConversationHistory({ req, prisma: db(), slug, conversationId, appUrl: APP_URL }));
}

const conversationOf = (result: Result) =>
  result.chunks.find((c) => c.type === "data-conversation")?.data?.conversationId as string;
const textOf = (chunks: Chunk[]) =>
  chunks
    .filter((c) => c.type === "text-delta")
    .map((c) => c.delta)
    .join("");

describe("public chat turns", () => {
  it("streams a hosted turn (AI step included) and saves it as the hosted channel's end user", async () => {
    const { organization, admin } = await createOrganizationWithRoles();
    await (await callerFor(admin.user, organization.id)).providerKeys.create({
      provider: "openai",
      label: "Stand-in",
      secret: SECRET,
      baseUrl: standIn.baseUrls.openai,
      models: ["gpt-4o-mini"],
    });
    const deployment = await createDeployment({ organizationId: organization.id, flow: aiFlow() });

    const first = await turn(deployment.slug, {
      endUserId: "visitor-1",
      input: { type: "start", variables: { name: "Grace" } },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/event-stream");
    expect(first.headers.get("access-control-allow-origin")).toBeNull();
    expect(textOf(first.chunks)).toBe("Hello Grace");
    expect(first.chunks.find((c) => c.type === "data-choices")?.data).toMatchObject({ nodeId: "ask" });
    expect(first.chunks.some((c) => c.type === "data-trace")).toBe(false);
    const conversationId = conversationOf(first);
    expect(conversationId).toBeTruthy();

    standIn.enqueue({ chunks: ["Hi", " there"], usage: { input: 20, output: 3 } });
    const second = await turn(deployment.slug, {
      conversationId,
      endUserId: "visitor-1",
      input: { type: "choice", optionId: "a" },
    });
    expect(second.status).toBe(200);
    expect(second.chunks.filter((c) => c.type === "text-delta").map((c) => c.delta)).toEqual(["Hi", " there"]);

    const conversation = await db().conversation.findUniqueOrThrow({
      where: { id: conversationId },
      include: { messages: { orderBy: { createdAt: "asc" } } },
    });
    expect(conversation).toMatchObject({
      channel: "hosted",
      endUserId: "eu:visitor-1",
      deploymentId: deployment.id,
      botId: deployment.botId,
      organizationId: organization.id,
      status: "ended",
    });
    expect(conversation.messages.map((m) => [m.role, m.nodeId, m.model])).toEqual([
      ["assistant", "hello", null],
      ["assistant", "ask", null],
      ["user", null, null],
      ["assistant", "ai", "gpt-4o-mini"],
    ]);
  });

  it("serves a widget on an allowed site with CORS headers, turns and errors alike", async () => {
    const deployment = await createDeployment({ allowedDomains: ["shop.example.com", "*.partner.test"] });
    const ok = await turn(deployment.slug, { endUserId: "w1", input: { type: "start" } }, { origin: SHOP });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(ok.headers.get("vary")).toContain("Origin");
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: conversationOf(ok) } });
    expect(conversation).toMatchObject({ channel: "widget", endUserId: "eu:w1" });

    const sub = "https://eu.partner.test";
    const error = await turn(deployment.slug, "{oops", { origin: sub });
    expect(error.status).toBe(400);
    expect(error.headers.get("access-control-allow-origin")).toBe(sub);

    const preflight = await handleChatOptions({
      req: new Request(`${APP_URL}/api/chat/${deployment.slug}`, {
        method: "OPTIONS",
        headers: { origin: SHOP, "access-control-request-method": "POST" },
      }),
      prisma: db(),
      slug: deployment.slug,
      appUrl: APP_URL,
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type");
    expect(preflight.headers.get("access-control-max-age")).toBe("600");

    const refused = await handleChatOptions({
      req: new Request(`${APP_URL}/api/chat/${deployment.slug}`, {
        method: "OPTIONS",
        headers: { origin: "https://evil.test" },
      }),
      prisma: db(),
      slug: deployment.slug,
      appUrl: APP_URL,
    });
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a site that is not allowed (403, no CORS) and a channel that is off", async () => {
    const deployment = await createDeployment({ allowedDomains: ["shop.example.com"] });
    const before = await db().conversation.count();
    const foreign = await turn(
      deployment.slug,
      { endUserId: "w1", input: { type: "start" } },
      { origin: "https://evil.test" },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.json.error?.message).toContain("This site may not use this chat");
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    // A request without any origin (not a browser on an allowed site) is refused too.
    const noOrigin = await turn(deployment.slug, { endUserId: "w1", input: { type: "start" } }, {});
    expect(noOrigin.status).toBe(403);

    const hostedOnly = await createDeployment({ channels: ["hosted"] });
    const widget = await turn(hostedOnly.slug, { endUserId: "w1", input: { type: "start" } }, { origin: SHOP });
    expect(widget.status).toBe(403);
    expect(widget.json.error?.message).toContain("This chat is not available here");

    const widgetOnly = await createDeployment({ channels: ["widget"] });
    const hosted = await turn(widgetOnly.slug, { endUserId: "h1", input: { type: "start" } });
    expect(hosted.status).toBe(403);
    expect(hosted.json.error?.message).toContain("This chat is not available here");
    expect(await db().conversation.count()).toBe(before);
  });

  it("answers unknown (404), paused (423) and unpublished (409) chats with readable JSON", async () => {
    const start = { endUserId: "v", input: { type: "start" } };
    const unknown = await turn("no-such-chat", start, { origin: SHOP });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.code).toBe("deployment-not-found");
    expect(unknown.headers.get("access-control-allow-origin")).toBe(SHOP);

    const paused = await createDeployment({ status: "paused" });
    const pausedTurn = await turn(paused.slug, start, { origin: SHOP });
    expect(pausedTurn.status).toBe(423);
    expect(pausedTurn.json.error?.message).toContain("paused");
    expect(pausedTurn.headers.get("access-control-allow-origin")).toBe(SHOP);

    const unpublished = await createDeployment({ publish: false });
    const unpublishedTurn = await turn(unpublished.slug, start);
    expect(unpublishedTurn.status).toBe(409);
    expect(unpublishedTurn.json.error?.code).toBe("not-published");
  });

  it("refuses malformed, invalid and oversized requests before saving anything", async () => {
    const deployment = await createDeployment({ flow: formFlow() });
    const userMessages = () =>
      db().message.count({ where: { role: "user", conversation: { deploymentId: deployment.id } } });
    expect(await userMessages()).toBe(0);
    const malformed = await turn(deployment.slug, "{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.json.error?.message).toContain("not valid JSON");
    expect((await turn(deployment.slug, { input: { type: "start" } })).status).toBe(400);
    expect((await turn(deployment.slug, { endUserId: "bad id!", input: { type: "start" } })).status).toBe(400);
    expect((await turn(deployment.slug, { endUserId: "x".repeat(101), input: { type: "start" } })).status).toBe(400);
    expect((await turn(deployment.slug, { endUserId: "v", input: { type: "shout" } })).status).toBe(400);
    const atNode = await turn(deployment.slug, { endUserId: "v", input: { type: "start", atNodeId: "person" } });
    expect(atNode.status).toBe(400);

    const long = await turn(deployment.slug, { endUserId: "v", input: { type: "text", text: "a".repeat(4_001) } });
    expect(long.status).toBe(413);
    expect(long.json.error?.message).toMatch(/at most 4,000 characters/);
    const veryLong = await turn(deployment.slug, { endUserId: "v", input: { type: "text", text: "a".repeat(30_000) } });
    expect(veryLong.status).toBe(413);
    const form = await turn(deployment.slug, {
      endUserId: "v",
      input: { type: "form", values: { email: "a".repeat(5_000) } },
    });
    expect(form.status).toBe(413);
    expect(
      (await turn(deployment.slug, { endUserId: "v", input: { type: "text", text: "a".repeat(4_000) } })).status,
    ).toBe(200);
    expect(await userMessages()).toBe(1); // only the 4,000-character message
  });

  it("refuses another end user's conversation and another deployment's (404)", async () => {
    const deployment = await createDeployment();
    const other = await createDeployment();
    const mine = await turn(deployment.slug, { endUserId: "alice", input: { type: "start" } });
    const conversationId = conversationOf(mine);
    const stolen = await turn(deployment.slug, {
      conversationId,
      endUserId: "mallory",
      input: { type: "choice", optionId: "a" },
    });
    expect(stolen.status).toBe(404);
    expect(stolen.json.error?.code).toBe("conversation-not-found");
    const elsewhere = await turn(other.slug, {
      conversationId,
      endUserId: "alice",
      input: { type: "text", text: "hi" },
    });
    expect(elsewhere.status).toBe(404);
    expect(
      (await turn(deployment.slug, { conversationId: "c_nope", endUserId: "alice", input: { type: "start" } })).status,
    ).toBe(404);
    expect(await db().message.count({ where: { conversationId, role: "user" } })).toBe(0);
  });

  it("limits turns per end user and per deployment (429 with Retry-After)", async () => {
    const deployment = await createDeployment({ rateLimits: { perUserPerMinute: 2, perDeploymentPerMinute: 4 } });
    const start = (endUserId: string) =>
      turn(deployment.slug, { endUserId, input: { type: "start" } }, { origin: SHOP });
    expect((await start("u1")).status).toBe(200);
    expect((await start("u1")).status).toBe(200);
    const limited = await start("u1");
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatchObject({ code: "rate-limited" });
    expect(limited.json.error?.message).toMatch(/^Too many messages\. Try again in \d+ s\.$/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(limited.headers.get("access-control-expose-headers")).toContain("Retry-After");

    // Another visitor still gets through, until the deployment's own limit is used up.
    expect((await start("u2")).status).toBe(200);
    expect((await start("u3")).status).toBe(200);
    const deploymentLimited = await start("u4");
    expect(deploymentLimited.status).toBe(429);
    expect(Number(deploymentLimited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("conversation history", () => {
  it("resumes a conversation with the parts it had, and ends an ended one", async () => {
    const deployment = await createDeployment();
    const first = await turn(deployment.slug, { endUserId: "reader", input: { type: "start" } });
    const conversationId = conversationOf(first);

    const waiting = await history(deployment.slug, conversationId, "reader");
    expect(waiting.status).toBe(200);
    expect(waiting.json).toMatchObject({ conversationId, status: "active" });
    const waitingMessages = waiting.json.messages as PublicChatMessage[];
    expect(waitingMessages).toHaveLength(1);
    expect(waitingMessages[0]).toMatchObject({
      role: "assistant",
      parts: [
        { type: "text", text: "Hello Ada" },
        {
          type: "data-choices",
          data: {
            nodeId: "ask",
            prompt: "Pick one",
            allowFreeText: true,
            options: [
              { id: "a", label: "Apples" },
              { id: "b", label: "Bananas" },
            ],
          },
        },
      ],
    });

    await turn(deployment.slug, { conversationId, endUserId: "reader", input: { type: "choice", optionId: "b" } });
    const ended = await history(deployment.slug, conversationId, "reader");
    expect(ended.json.status).toBe("ended");
    const messages = ended.json.messages as PublicChatMessage[];
    expect(messages.map((m) => m.role)).toEqual(["assistant", "user", "assistant"]);
    expect(messages[1]).toMatchObject({
      parts: [{ type: "text", text: "Bananas" }],
      metadata: { input: { type: "choice", optionId: "b" } },
    });
    expect(JSON.stringify(messages[1]?.parts)).not.toContain("data-input-sent");
    expect(messages[2]?.parts).toEqual([
      { type: "text", text: "You chose Bananas", state: "done" },
      { type: "data-end", data: { reason: "ended" } },
    ]);
  });

  it("restores form requests, refused answers and a handoff", async () => {
    const deployment = await createDeployment({ flow: formFlow() });
    const first = await turn(deployment.slug, { endUserId: "former", input: { type: "start" } });
    const conversationId = conversationOf(first);
    const send = (email: string) =>
      turn(deployment.slug, { conversationId, endUserId: "former", input: { type: "form", values: { email } } });
    await send("not an email");
    await send("ada@example.com");

    const result = await history(deployment.slug, conversationId, "former");
    expect(result.json.status).toBe("waiting_for_operator");
    const messages = result.json.messages as PublicChatMessage[];
    expect(messages.map((m) => [m.role, m.parts.map((p) => p.type)])).toEqual([
      ["assistant", ["data-input"]],
      ["user", ["text"]],
      ["assistant", ["data-input"]],
      ["user", ["text"]],
      ["assistant", ["data-handoff"]],
    ]);
    expect(messages[0]?.parts[0]).toMatchObject({
      type: "data-input",
      data: { nodeId: "collect", field: { name: "email", type: "email", label: "Your email?" } },
    });
    expect(messages[2]?.parts[0]).toMatchObject({ type: "data-input", data: { error: expect.any(String) } });
    expect(messages[4]?.parts[0]).toEqual({
      type: "data-handoff",
      data: { nodeId: "person", message: "A person will answer." },
    });
  });

  it("gives a conversation only to its own end user, on an allowed site", async () => {
    const deployment = await createDeployment({ allowedDomains: ["shop.example.com"] });
    const first = await turn(deployment.slug, { endUserId: "owner", input: { type: "start" } }, { origin: SHOP });
    const conversationId = conversationOf(first);
    const own = await history(deployment.slug, conversationId, "owner", { origin: SHOP });
    expect(own.status).toBe(200);
    expect(own.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect((await history(deployment.slug, conversationId, "someone-else", { origin: SHOP })).status).toBe(404);
    expect((await history(deployment.slug, conversationId, null, { origin: SHOP })).status).toBe(400);
    expect((await history(deployment.slug, "c_missing", "owner", { origin: SHOP })).status).toBe(404);
    const foreign = await history(deployment.slug, conversationId, "owner", { origin: "https://evil.test" });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("chat config", () => {
  it("gives the look of the chat and nothing private", async () => {
    const deployment = await createDeployment({
      allowedDomains: ["shop.example.com"],
      theme: { title: "Ask Pixel", greeting: "Hi! How can we help?", primaryColor: "#112233" },
    });
    const req = new Request(`${APP_URL}/api/chat/${deployment.slug}/config`, { headers: { origin: SHOP } });
    const response = await handleChatConfig({ req, prisma: db(), slug: deployment.slug, appUrl: APP_URL });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(SHOP);
    const config = (await response.json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      slug: deployment.slug,
      name: "Support",
      title: "Ask Pixel",
      greeting: "Hi! How can we help?",
      theme: { primaryColor: "#112233", mode: "auto" },
      channels: ["hosted", "widget"],
    });
    expect(Object.keys(config).sort()).toEqual(["channels", "greeting", "name", "slug", "theme", "title"]);
    expect(JSON.stringify(config)).not.toContain(deployment.id);
    expect(JSON.stringify(config)).not.toContain("nodes");

    const hosted = await handleChatConfig({
      req: new Request(`${APP_URL}/api/chat/${deployment.slug}/config`, {
        headers: { "sec-fetch-site": "same-origin" },
      }),
      prisma: db(),
      slug: deployment.slug,
      appUrl: APP_URL,
    });
    expect(hosted.status).toBe(200);
    const foreign = await handleChatConfig({
      req: new Request(`${APP_URL}/api/chat/${deployment.slug}/config`, { headers: { origin: "https://evil.test" } }),
      prisma: db(),
      slug: deployment.slug,
      appUrl: APP_URL,
    });
    expect(foreign.status).toBe(403);
  });
});
