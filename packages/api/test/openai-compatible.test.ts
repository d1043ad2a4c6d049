import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import { type FlowDocument, flowDocumentSchema } from "@pixel/flow";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "./ai/support.ts";
import { handleChatCompletions, handleConversationGet, handleConversationTurn } from "../src/index.ts";
import { generateToken, hashToken } from "../src/lib/secrets.ts";
import { createBotRow } from "./designer/support.ts";
import { callerFor, createOrganizationWithRoles, db, useTestDatabase } from "./helpers.ts";

useTestDatabase();

const SECRET = "sk-openai-compatible-test-0000000";
let standIn: StandIn;
let server: Server;
let baseURL: string;

// ── A tiny HTTP server in front of the handlers, as Next's routes are ─

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    ...(method === "GET" || method === "HEAD" ? {} : { body: Buffer.concat(chunks) }),
  });
}

let served = 0;

async function route(request: Request): Promise<Response> {
  served += 1;
  const { pathname } = new URL(request.url);
  if (request.method === "POST" && pathname === "/api/v1/chat/completions") {
    return handleChatCompletions({ req: request, prisma: db() });
  }
  if (request.method === "POST" && pathname === "/api/v1/conversations") {
    return handleConversationTurn({ req: request, prisma: db() });
  }
  const match = /^\/api\/v1\/conversations\/([^/]+)$/.exec(pathname);
  if (request.method === "GET" && match?.[1]) {
    return handleConversationGet({ req: request, prisma: db(), conversationId: decodeURIComponent(match[1]) });
  }
  return Response.json({ error: { message: "Not found", type: "invalid_request_error", code: null } }, { status: 404 });
}

/** Writes a fetch Response to Node's response, body chunk by chunk as it is produced (for streams). */
async function send(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  }
  res.end();
}

beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: SECRET });
  server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    toRequest(req, origin)
      .then(route)
      .then((response) => send(response, res))
      .catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server?.closeAllConnections();
    server ? server.close(() => resolve()) : resolve();
  });
  await standIn?.close();
});

// ── Fixtures ─────────────────────────────────────────────────────────

/** start → hello → ask (Pricing | Talk to a human | typed text → AI chat until "bye") */
function assistantFlow(): FlowDocument {
  return flowDocumentSchema.parse({
    version: 1,
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      { id: "hello", type: "message", position: { x: 0, y: 0 }, data: { text: "Hello, I'm Pixel." } },
      {
        id: "ask",
        type: "quick-reply",
        position: { x: 0, y: 0 },
        data: {
          prompt: "What do you need?",
          options: [
            { id: "pricing", label: "Pricing" },
            { id: "human", label: "Talk to a human" },
          ],
          allowFreeText: true,
        },
      },
      { id: "price", type: "message", position: { x: 0, y: 0 }, data: { text: "Plans start at $19." } },
      {
        id: "ai",
        type: "ai-step",
        position: { x: 0, y: 0 },
        data: {
          model: "openai:gpt-4o-mini",
          prompt: "{{last_message}}",
          mode: "chat",
          exitPhrases: ["bye"],
        },
      },
      { id: "done", type: "end", position: { x: 0, y: 0 }, data: { message: "Goodbye!" } },
    ],
    edges: [
      { id: "e1", source: "start", target: "hello" },
      { id: "e2", source: "hello", target: "ask" },
      { id: "e3", source: "ask", sourceHandle: "pricing", target: "price" },
      { id: "e4", source: "price", target: "done" },
      { id: "e5", source: "ask", sourceHandle: "human", target: "done" },
      { id: "e6", source: "ask", sourceHandle: "fallback", target: "ai" },
      { id: "e7", source: "ai", target: "done" },
    ],
  });
}

let slugs = 0;

async function createDeployment(options: { channels?: string[]; rateLimits?: object } = {}) {
  const { organization, admin } = await createOrganizationWithRoles();
  await (await callerFor(admin.user, organization.id)).providerKeys.create({
    provider: "openai",
    label: "Stand-in",
    secret: SECRET,
    baseUrl: standIn.baseUrls.openai,
    models: ["gpt-4o-mini"],
  });
  const flow = assistantFlow();
  const bot = await createBotRow(organization.id, flow);
  await db().flowVersion.create({
    data: { organizationId: organization.id, botId: bot.id, number: 1, flow: flow as object },
  });
  slugs += 1;
  const deployment = await db().deployment.create({
    data: {
      organizationId: organization.id,
      botId: bot.id,
      slug: `assistant-${Date.now().toString(36)}-${slugs}`,
      name: "Assistant",
      channels: options.channels ?? ["hosted", "openai"],
      allowedDomains: [],
      rateLimits: options.rateLimits ?? {},
    },
  });
  const token = generateToken("pxd", 32);
  await db().deploymentApiKey.create({
    data: {
      organizationId: organization.id,
      deploymentId: deployment.id,
      name: "openai client",
      tokenHash: hashToken(token),
      lastFour: token.slice(-4),
    },
  });
  const client = new OpenAI({ apiKey: token, baseURL, maxRetries: 0 });
  return { deployment, token, client, slug: deployment.slug };
}

const GREETING = "Hello, I'm Pixel.\n\nWhat do you need?\n1. Pricing\n2. Talk to a human";

// ── Tests ────────────────────────────────────────────────────────────

describe("OpenAI-compatible API with the official openai client", () => {
  it("answers a first message with the greeting, the options and the AI's answer, with usage", async () => {
    const { client, slug, deployment } = await createDeployment();
    standIn.enqueue({ chunks: ["Sure", ", I can", " help."], usage: { input: 31, output: 5 } });
    const { data: completion, response } = await client.chat.completions
      .create({
        model: slug,
        messages: [
          { role: "system", content: "ignored: the flow decides" },
          { role: "user", content: "Can you help me?" },
        ],
      })
      .withResponse();

    expect(completion.object).toBe("chat.completion");
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.model).toBe(slug);
    expect(completion.created).toBeGreaterThan(1_700_000_000);
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(completion.choices[0]?.message.role).toBe("assistant");
    expect(completion.choices[0]?.message.content).toBe(`${GREETING}\n\nSure, I can help.`);
    expect(completion.usage).toEqual({ prompt_tokens: 31, completion_tokens: 5, total_tokens: 36 });

    const conversationId = response.headers.get("x-pixel-conversation-id");
    expect(conversationId).toBeTruthy();
    const conversation = await db().conversation.findUniqueOrThrow({
      where: { id: conversationId as string },
      include: { messages: { orderBy: { createdAt: "asc" } } },
    });
    expect(conversation).toMatchObject({ channel: "openai", deploymentId: deployment.id, endUserId: null });
    expect(conversation.messages.map((m) => m.role)).toEqual(["assistant", "assistant", "user", "assistant"]);
    expect(conversation.messages[3]).toMatchObject({ model: "gpt-4o-mini", tokensIn: 31, tokensOut: 5 });
  });

  it("streams the AI's answer token by token and continues the conversation with the header", async () => {
    const { client, slug } = await createDeployment();
    standIn.enqueue({ chunks: ["First", " answer."], usage: { input: 10, output: 2 } });
    const { response } = await client.chat.completions
      .create({ model: slug, messages: [{ role: "user", content: "Start please" }] })
      .withResponse();
    const conversationId = response.headers.get("x-pixel-conversation-id") as string;

    const tokens = ["The", " quick", " brown", " fox", "."];
    // 150 ms between tokens: deltas must reach the client as they come, not all at the end.
    standIn.enqueue({ chunks: tokens, usage: { input: 64, output: 5 }, chunkDelayMs: 150 });
    const { data: stream, response: streamedResponse } = await client.chat.completions
      .create(
        {
          model: slug,
          messages: [
            { role: "user", content: "Start please" },
            { role: "assistant", content: "First answer." },
            { role: "user", content: [{ type: "text", text: "Tell me about foxes" }] },
          ],
          stream: true,
          stream_options: { include_usage: true },
        },
        { headers: { "x-pixel-conversation-id": conversationId } },
      )
      .withResponse();
    expect(streamedResponse.headers.get("content-type")).toContain("text/event-stream");
    expect(streamedResponse.headers.get("x-pixel-conversation-id")).toBe(conversationId);

    const deltas: string[] = [];
    const arrivals: number[] = [];
    const finishReasons: (string | null)[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    let ids = new Set<string>();
    for await (const chunk of stream) {
      expect(chunk.object).toBe("chat.completion.chunk");
      expect(chunk.model).toBe(slug);
      ids = ids.add(chunk.id);
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices[0];
      if (!choice) continue;
      if (choice.delta.content) {
        deltas.push(choice.delta.content);
        arrivals.push(Date.now());
      }
      finishReasons.push(choice.finish_reason);
    }
    expect(deltas).toEqual(tokens);
    expect(deltas.join("")).toBe("The quick brown fox.");
    expect((arrivals.at(-1) as number) - (arrivals[0] as number)).toBeGreaterThanOrEqual(400);
    expect(finishReasons.at(-1)).toBe("stop");
    expect(finishReasons.slice(0, -1).every((reason) => reason === null)).toBe(true);
    expect(ids.size).toBe(1);
    expect(usage).toEqual({ prompt_tokens: 64, completion_tokens: 5, total_tokens: 69 });

    const messages = await db().message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
    expect(messages.filter((m) => m.role === "user").length).toBe(2);
    expect(messages.at(-1)).toMatchObject({ role: "assistant", nodeId: "ai", tokensOut: 5 });
    // The stand-in saw the earlier exchange as history: the flow keeps it, not the request's messages.
    const lastRequest = JSON.stringify(standIn.requests.at(-1)?.body);
    expect(lastRequest).toContain("Tell me about foxes");
    expect(lastRequest).toContain("First answer.");
  });

  it("continues the newest active conversation of the `user` without the header", async () => {
    const { client, slug, deployment } = await createDeployment();
    standIn.enqueue({ chunks: ["One."], usage: { input: 5, output: 1 } });
    const first = await client.chat.completions
      .create({ model: slug, user: "customer-7", messages: [{ role: "user", content: "hello" }] })
      .withResponse();
    standIn.enqueue({ chunks: ["Two."], usage: { input: 6, output: 1 } });
    const second = await client.chat.completions
      .create({ model: slug, user: "customer-7", messages: [{ role: "user", content: "again" }] })
      .withResponse();
    expect(second.data.choices[0]?.message.content).toBe("Two.");
    expect(second.response.headers.get("x-pixel-conversation-id")).toBe(
      first.response.headers.get("x-pixel-conversation-id"),
    );

    // Leaving the AI chat ends the conversation; the next message of this user starts a new one.
    const bye = await client.chat.completions.create({
      model: slug,
      user: "customer-7",
      messages: [{ role: "user", content: "bye" }],
    });
    expect(bye.choices[0]?.message.content).toBe("Goodbye!");
    expect(bye.usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
    const fresh = await client.chat.completions.create({
      model: slug,
      user: "customer-7",
      messages: [{ role: "user", content: "Pricing" }],
    });
    expect(fresh.choices[0]?.message.content).toBe(`${GREETING}\n\nPlans start at $19.\n\nGoodbye!`);
    const conversations = await db().conversation.findMany({
      where: { deploymentId: deployment.id, endUserId: "api:customer-7" },
    });
    expect(conversations.map((c) => c.status).sort()).toEqual(["ended", "ended"]);
  });

  it("raises the client's errors for an unknown model, a bad key, a closed channel and the rate limit", async () => {
    const { client, slug, token } = await createDeployment({ rateLimits: { perUserPerMinute: 1 } });

    const unknown = await client.chat.completions
      .create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })
      .catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect((unknown as InstanceType<typeof OpenAI.NotFoundError>).code).toBe("model_not_found");
    expect((unknown as Error).message).toContain(slug);

    const badKey = new OpenAI({ apiKey: `pxd_${"0".repeat(43)}`, baseURL, maxRetries: 0 });
    await expect(
      badKey.chat.completions.create({ model: slug, messages: [{ role: "user", content: "hi" }] }),
    ).rejects.toBeInstanceOf(OpenAI.AuthenticationError);

    const noUser = await client.chat.completions
      .create({ model: slug, messages: [{ role: "assistant", content: "only me" }] })
      .catch((error: unknown) => error);
    expect(noUser).toBeInstanceOf(OpenAI.BadRequestError);
    expect((noUser as Error).message).toContain("user");

    const closed = await createDeployment({ channels: ["hosted", "api"] });
    await expect(
      closed.client.chat.completions.create({ model: closed.slug, messages: [{ role: "user", content: "hi" }] }),
    ).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);

    standIn.enqueue({ chunks: ["ok"], usage: { input: 1, output: 1 } });
    await client.chat.completions.create({ model: slug, user: "u1", messages: [{ role: "user", content: "hi" }] });
    const limited = await client.chat.completions
      .create({ model: slug, user: "u1", messages: [{ role: "user", content: "hi again" }] })
      .catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(Number((limited as InstanceType<typeof OpenAI.RateLimitError>).headers?.get("retry-after"))).toBeGreaterThan(
      0,
    );

    // Nothing published: a ConflictError, which the client does not retry (x-should-retry: false).
    const unpublished = await createDeployment();
    await db().flowVersion.deleteMany({ where: { botId: unpublished.deployment.botId } });
    const retrying = new OpenAI({ apiKey: unpublished.token, baseURL, maxRetries: 2 });
    const before = served;
    await expect(
      retrying.chat.completions.create({ model: unpublished.slug, messages: [{ role: "user", content: "hi" }] }),
    ).rejects.toBeInstanceOf(OpenAI.ConflictError);
    expect(served - before).toBe(1);

    // Raw error bodies follow OpenAI's shape.
    const raw = await fetch(`${baseURL}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{oops",
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({
      error: { message: expect.any(String), type: "invalid_request_error", param: null, code: "malformed_json" },
    });
  });
});
