import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import { type FlowDocument, flowDocumentSchema } from "@pixel/flow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "./ai/support.ts";
import {
  buildOpenApiDocument,
  handleConversationGet,
  handleConversationTurn,
  handleOpenApiRequest,
} from "../src/index.ts";
import { generateToken, hashToken } from "../src/lib/secrets.ts";
import { createBotRow } from "./designer/support.ts";
import { APP_URL, callerFor, createOrganizationWithRoles, db, useTestDatabase } from "./helpers.ts";

useTestDatabase();

const SECRET = "sk-v1-test-00000000000000000000";
let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: SECRET });
});
afterAll(async () => {
  await standIn?.close();
});

/** start → hello → ask (Pricing | Talk to a human | typed text → AI chat) → … */
function supportFlow(): FlowDocument {
  return flowDocumentSchema.parse({
    version: 1,
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      { id: "hello", type: "message", position: { x: 0, y: 0 }, data: { text: "Hello {{name}}, I'm Pixel." } },
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
        data: { model: "openai:gpt-4o-mini", systemPrompt: "Be brief.", prompt: "{{last_message}}", mode: "chat" },
      },
      { id: "done", type: "end", position: { x: 0, y: 0 }, data: {} },
    ],
    edges: [
      { id: "e1", source: "start", target: "hello" },
      { id: "e2", source: "hello", target: "ask" },
      { id: "e3", source: "ask", sourceHandle: "pricing", target: "price" },
      { id: "e4", source: "price", target: "done" },
      { id: "e5", source: "ask", sourceHandle: "human", target: "done" },
      { id: "e6", source: "ask", sourceHandle: "fallback", target: "ai" },
    ],
    variables: [{ name: "name", default: "Ada" }],
  });
}

interface DeploymentOptions {
  channels?: string[];
  status?: "active" | "paused";
  rateLimits?: object;
  /** Pass false for a bot with nothing published. */
  publish?: boolean;
}

let slugs = 0;

/** An organization with a stand-in OpenAI key, a bot published once, a deployment and one API key. */
async function createApiDeployment(options: DeploymentOptions = {}) {
  const { organization, admin } = await createOrganizationWithRoles();
  await (await callerFor(admin.user, organization.id)).providerKeys.create({
    provider: "openai",
    label: "Stand-in",
    secret: SECRET,
    baseUrl: standIn.baseUrls.openai,
    models: ["gpt-4o-mini"],
  });
  return addDeployment(organization.id, options);
}

async function addDeployment(organizationId: string, options: DeploymentOptions = {}) {
  const flow = supportFlow();
  const bot = await createBotRow(organizationId, flow);
  if (options.publish !== false) {
    await db().flowVersion.create({ data: { organizationId, botId: bot.id, number: 1, flow: flow as object } });
  }
  slugs += 1;
  const deployment = await db().deployment.create({
    data: {
      organizationId,
      botId: bot.id,
      slug: `v1-${Date.now().toString(36)}-${slugs}`,
      name: "Support",
      channels: options.channels ?? ["hosted", "api", "openai"],
      status: options.status ?? "active",
      allowedDomains: [],
      rateLimits: options.rateLimits ?? {},
    },
  });
  const token = generateToken("pxd", 32);
  const key = await db().deploymentApiKey.create({
    data: {
      organizationId,
      deploymentId: deployment.id,
      name: "test key",
      tokenHash: hashToken(token),
      lastFour: token.slice(-4),
    },
  });
  return { organizationId, deployment, token, keyId: key.id };
}

interface Sent {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are read loosely.
  json: any;
}

async function read(response: Response): Promise<Sent> {
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

async function turn(token: string | null, body: unknown, headers: Record<string, string> = {}): Promise<Sent> {
  const req = new Request(`${APP_URL}/api/v1/conversations`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return read(await handleConversationTurn({ req, prisma: db() }));
}

async function transcript(token: string, conversationId: string): Promise<Sent> {
  const req = new Request(`${APP_URL}/api/v1/conversations/${conversationId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return read(await handleConversationGet({ req, prisma: db(), conversationId }));
}

interface Chunk {
  type: string;
  delta?: string;
  data?: Record<string, unknown>;
  messageMetadata?: Record<string, unknown>;
}

function chunksOf(text: string): Chunk[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as Chunk);
}

describe("REST API: POST /api/v1/conversations", () => {
  it("starts a conversation, continues it with a choice and a message, and answers JSON", async () => {
    const { token, deployment, keyId } = await createApiDeployment();

    const first = await turn(token, { endUserId: "customer-42", variables: { name: "Grace" } });
    expect(first.status).toBe(200);
    const conversationId = first.json.conversationId as string;
    expect(first.headers.get("x-pixel-conversation-id")).toBe(conversationId);
    expect(first.json).toMatchObject({
      status: "active",
      ended: false,
      messages: [{ role: "assistant", text: "Hello Grace, I'm Pixel.", nodeId: "hello", tokensIn: 0, costUsd: 0 }],
      choices: {
        nodeId: "ask",
        prompt: "What do you need?",
        options: [
          { id: "pricing", label: "Pricing" },
          { id: "human", label: "Talk to a human" },
        ],
      },
    });
    expect(first.json.messages[0].id).toBeTruthy();

    standIn.enqueue({ chunks: ["We", " can", " help."], usage: { input: 40, output: 3 } });
    const second = await turn(token, { conversationId, endUserId: "customer-42", message: "I have a question" });
    expect(second.status).toBe(200);
    expect(second.json.conversationId).toBe(conversationId);
    expect(second.json.messages).toHaveLength(1);
    expect(second.json.messages[0]).toMatchObject({
      role: "assistant",
      text: "We can help.",
      nodeId: "ai",
      model: "gpt-4o-mini",
      tokensIn: 40,
      tokensOut: 3,
      status: "complete",
    });
    expect(second.json.messages[0].costUsd).toBeGreaterThan(0);
    expect(second.json.choices).toBeUndefined();

    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation).toMatchObject({ channel: "api", deploymentId: deployment.id, endUserId: "api:customer-42" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const key = await db().deploymentApiKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(key.lastUsedAt).not.toBeNull();
  });

  it("answers a message sent to a new conversation after running the flow's start, and ends", async () => {
    const { token } = await createApiDeployment();
    const result = await turn(token, { message: "Pricing" });
    expect(result.status).toBe(200);
    expect(result.json.messages.map((m: { text: string }) => m.text)).toEqual([
      "Hello Ada, I'm Pixel.",
      "Plans start at $19.",
    ]);
    expect(result.json).toMatchObject({ status: "ended", ended: true });
    expect(result.json.choices).toBeUndefined();
    const rows = await db().message.findMany({
      where: { conversationId: result.json.conversationId },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => r.role)).toEqual(["assistant", "assistant", "user", "assistant"]);
  });

  it("streams the hosted chat's UI message stream with stream: true", async () => {
    const { token } = await createApiDeployment();
    const first = await turn(token, {});
    const conversationId = first.json.conversationId as string;
    standIn.enqueue({ chunks: ["Stream", "ing", " works"], usage: { input: 12, output: 3 } });
    const streamed = await turn(token, { conversationId, input: { type: "text", text: "hello there" }, stream: true });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("content-type")).toContain("text/event-stream");
    expect(streamed.headers.get("x-pixel-conversation-id")).toBe(conversationId);
    const chunks = chunksOf(streamed.text);
    expect(chunks[0]).toMatchObject({ type: "start", messageMetadata: { conversationId } });
    expect(chunks.filter((c) => c.type === "text-delta").map((c) => c.delta)).toEqual(["Stream", "ing", " works"]);
    expect(chunks.at(-1)?.type).toBe("finish");
    expect(chunks.some((c) => c.type === "data-trace")).toBe(false);
    expect(streamed.text.trimEnd().endsWith("data: [DONE]")).toBe(true);
  });

  it("streams both turns when a new conversation gets a message", async () => {
    const { token } = await createApiDeployment();
    const streamed = await turn(token, { message: "Pricing", stream: true });
    expect(streamed.status).toBe(200);
    const deltas = chunksOf(streamed.text)
      .filter((c) => c.type === "text-delta")
      .map((c) => c.delta);
    expect(deltas).toEqual(["Hello Ada, I'm Pixel.", "Plans start at $19."]);
    const finish = chunksOf(streamed.text).find((c) => c.type === "finish");
    expect(finish?.messageMetadata?.messageIds).toHaveLength(3);
  });
});

describe("REST API: GET /api/v1/conversations/:id", () => {
  it("returns the transcript with models, tokens and costs, oldest first", async () => {
    const { token } = await createApiDeployment();
    const first = await turn(token, { endUserId: "reader" });
    const conversationId = first.json.conversationId as string;
    standIn.enqueue({ chunks: ["An", " answer"], usage: { input: 20, output: 2 } });
    await turn(token, { conversationId, endUserId: "reader", message: "what is this?" });

    const result = await transcript(token, conversationId);
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ conversationId, status: "active" });
    expect(Number.isNaN(Date.parse(result.json.createdAt))).toBe(false);
    const messages = result.json.messages as Record<string, unknown>[];
    expect(messages.map((m) => [m.role, m.text])).toEqual([
      ["assistant", "Hello Ada, I'm Pixel."],
      ["assistant", ""],
      ["user", "what is this?"],
      ["assistant", "An answer"],
    ]);
    expect(messages[1]?.parts).toEqual([
      expect.objectContaining({ type: "data-choices", data: expect.objectContaining({ prompt: "What do you need?" }) }),
    ]);
    expect(messages[3]).toMatchObject({
      nodeId: "ai",
      model: "gpt-4o-mini",
      tokensIn: 20,
      tokensOut: 2,
      status: "complete",
    });
    expect(messages[3]?.costUsd).toBeGreaterThan(0);
    for (const message of messages) {
      expect(Object.keys(message).sort()).toEqual(
        [
          "costUsd",
          "createdAt",
          "id",
          "model",
          "nodeId",
          "parts",
          "role",
          "status",
          "text",
          "tokensIn",
          "tokensOut",
        ].sort(),
      );
    }
  });
});

describe("REST API refusals", () => {
  it("refuses missing, wrong, foreign-format and revoked keys with 401 and a clear message", async () => {
    const { token, keyId } = await createApiDeployment();
    const before = await db().conversation.count();

    const missing = await turn(null, {});
    expect(missing.status).toBe(401);
    expect(missing.json.error.code).toBe("missing-api-key");
    expect(missing.json.error.message).toContain("Bearer pxd_");
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");

    const wrong = await turn(`pxd_${"x".repeat(43)}`, {});
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toMatchObject({ code: "invalid-api-key" });
    expect(wrong.json.error.message).toMatch(/not valid/);

    const personal = await turn("pxl_abcdefghijklmnop", {});
    expect(personal.status).toBe(401);
    expect(personal.json.error.message).toContain("start with `pxd_`");

    const notBearer = await turn(null, {}, { authorization: `Basic ${token}` });
    expect(notBearer.status).toBe(401);

    await db().deploymentApiKey.update({ where: { id: keyId }, data: { revokedAt: new Date() } });
    const revoked = await turn(token, {});
    expect(revoked.status).toBe(401);
    expect(revoked.json.error).toMatchObject({ code: "revoked-api-key" });
    expect(revoked.json.error.message).toMatch(/revoked/);
    expect((await transcript(token, "anything")).status).toBe(401);

    expect(await db().conversation.count()).toBe(before);
  });

  it("keeps each key to its own deployment's conversations (404)", async () => {
    const mine = await createApiDeployment();
    const other = await addDeployment(mine.organizationId);
    const foreign = await turn(other.token, { endUserId: "someone" });
    const foreignId = foreign.json.conversationId as string;

    const continued = await turn(mine.token, { conversationId: foreignId, message: "hi" });
    expect(continued.status).toBe(404);
    expect(continued.json.error.code).toBe("conversation-not-found");
    expect((await transcript(mine.token, foreignId)).status).toBe(404);
    expect((await transcript(mine.token, "c_unknown")).status).toBe(404);
    expect((await transcript(mine.token, "x".repeat(300))).status).toBe(404);
    expect((await transcript(other.token, foreignId)).status).toBe(200);

    // Another end user of the same deployment does not get the conversation either.
    const wrongUser = await turn(other.token, { conversationId: foreignId, endUserId: "intruder", message: "hi" });
    expect(wrongUser.status).toBe(404);
  });

  it("answers 423 for a paused deployment and 409 for an unpublished one", async () => {
    const paused = await createApiDeployment({ status: "paused" });
    const result = await turn(paused.token, {});
    expect(result.status).toBe(423);
    expect(result.json.error.code).toBe("deployment-paused");

    const unpublished = await addDeployment(paused.organizationId, { publish: false });
    expect((await turn(unpublished.token, {})).status).toBe(409);
  });

  it("answers 403 when the deployment's api channel is off", async () => {
    const { token } = await createApiDeployment({ channels: ["hosted", "openai"] });
    const result = await turn(token, {});
    expect(result.status).toBe(403);
    expect(result.json.error.code).toBe("channel-disabled");
    expect(result.json.error.message).toContain("REST API");
    expect((await transcript(token, "c_any")).status).toBe(403);
  });

  it("answers 400 for malformed JSON and invalid bodies, naming the problem", async () => {
    const { token } = await createApiDeployment();
    const malformed = await turn(token, "{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toMatchObject({ code: "malformed-json" });

    const both = await turn(token, { message: "hi", input: { type: "text", text: "hi" } });
    expect(both.status).toBe(400);
    expect(both.json.error.message).toContain("not both");

    const neither = await turn(token, { conversationId: "c_whatever" });
    expect(neither.status).toBe(400);

    const badInput = await turn(token, { input: { type: "shout" } });
    expect(badInput.status).toBe(400);
    expect(badInput.json.error.message).toMatch(/^input/);

    const badUser = await turn(token, { endUserId: "has spaces" });
    expect(badUser.status).toBe(400);
    expect(badUser.json.error.message).toMatch(/^endUserId/);

    const atNode = await turn(token, { input: { type: "start", atNodeId: "ai" } });
    expect(atNode.status).toBe(400);

    const first = await turn(token, {});
    const lateVariables = await turn(token, {
      conversationId: first.json.conversationId,
      message: "hi",
      variables: { name: "Eve" },
    });
    expect(lateVariables.status).toBe(400);
    expect(lateVariables.json.error.message).toMatch(/^variables/);
  });

  it("answers 413 for a message over 4,000 characters and for an oversized body", async () => {
    const { token } = await createApiDeployment();
    const before = await db().message.count();
    const long = await turn(token, { message: "a".repeat(4_001) });
    expect(long.status).toBe(413);
    expect(long.json.error.code).toBe("message-too-long");
    expect(long.json.error.message).toContain("4,000");
    const longInput = await turn(token, { input: { type: "text", text: "b".repeat(4_001) } });
    expect(longInput.status).toBe(413);
    const huge = await turn(token, { message: "hi", padding: "x".repeat(250_000) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe("too-large");
    expect(await db().message.count()).toBe(before);
  });

  it("applies the deployment's per-user and per-deployment limits with 429 and Retry-After", async () => {
    const { token } = await createApiDeployment({ rateLimits: { perUserPerMinute: 2, perDeploymentPerMinute: 4 } });
    expect((await turn(token, { endUserId: "busy" })).status).toBe(200);
    expect((await turn(token, { endUserId: "busy" })).status).toBe(200);
    const limited = await turn(token, { endUserId: "busy" });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("rate-limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    // Another user still gets through, until the deployment's own limit.
    expect((await turn(token, { endUserId: "calm" })).status).toBe(200);
    expect((await turn(token, {})).status).toBe(200);
    const deploymentLimited = await turn(token, { endUserId: "fresh" });
    expect(deploymentLimited.status).toBe(429);
    expect(deploymentLimited.headers.get("retry-after")).toBeTruthy();
  });
});

// ── OpenAPI ─────────────────────────────────────────────────────────

function resolvePointer(document: unknown, pointer: string): unknown {
  if (!pointer.startsWith("#/")) return undefined;
  let target: unknown = document;
  for (const raw of pointer.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (!target || typeof target !== "object" || !(key in target)) return undefined;
    target = (target as Record<string, unknown>)[key];
  }
  return target;
}

function refsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsOf(item, out);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") out.push(inner);
      else refsOf(inner, out);
    }
  }
  return out;
}

const METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

describe("OpenAPI document", () => {
  it("is a structurally valid OpenAPI 3.1 document covering the chat and v1 endpoints", () => {
    const document = buildOpenApiDocument("https://chat.example.com/");
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.title).toBeTruthy();
    expect(document.info.version).toBeTruthy();
    expect(document.servers[0]?.url).toBe("https://chat.example.com");
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        "/api/chat/{slug}",
        "/api/chat/{slug}/config",
        "/api/chat/{slug}/conversations/{conversationId}",
        "/api/v1/chat/completions",
        "/api/v1/conversations",
        "/api/v1/conversations/{conversationId}",
      ].sort(),
    );

    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      expect(path.startsWith("/")).toBe(true);
      const operations = Object.entries(item).filter(([method]) => METHODS.includes(method));
      expect(operations.length).toBeGreaterThan(0);
      for (const [method, operation] of operations) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(operation.operationId, where).toBeTruthy();
        expect(operationIds.has(operation.operationId), where).toBe(false);
        operationIds.add(operation.operationId);
        const responses = Object.entries(operation.responses ?? {});
        expect(responses.length, where).toBeGreaterThan(0);
        for (const [status, response] of responses) {
          expect(status, where).toMatch(/^([1-5]\d\d|default)$/);
          expect((response as { description?: string }).description, `${where} ${status}`).toBeTruthy();
        }
        // Every {param} of the path is declared as a required path parameter.
        const declared = ((operation.parameters ?? []) as { name: string; in: string; required?: boolean }[])
          .filter((p) => p.in === "path")
          .map((p) => {
            expect(p.required).toBe(true);
            return p.name;
          });
        const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        expect(declared.sort(), where).toEqual(inPath.sort());
        for (const requirement of (operation.security ?? []) as Record<string, unknown>[]) {
          for (const scheme of Object.keys(requirement))
            expect(document.components.securitySchemes[scheme]).toBeTruthy();
        }
      }
    }

    const refs = refsOf(document);
    expect(refs.length).toBeGreaterThan(10);
    for (const pointer of refs) expect(resolvePointer(document, pointer), pointer).toBeDefined();

    expect(document.components.securitySchemes.deploymentKey).toMatchObject({ type: "http", scheme: "bearer" });
    for (const schema of Object.values(document.components.schemas)) {
      expect(schema.$schema).toBeUndefined();
      expect(schema.$defs).toBeUndefined();
    }
    const request = document.components.schemas.ConversationTurnRequest;
    expect(Object.keys(request.properties).sort()).toEqual(
      ["conversationId", "endUserId", "input", "message", "stream", "variables"].sort(),
    );
    expect(request.properties.message.maxLength).toBe(4_000);
    expect(document.components.schemas.PublicTurnRequest.required).toEqual(["endUserId", "input"]);
    expect(document.components.schemas.Error.properties.error.required).toEqual(["code", "message"]);
    const completions = document.paths["/api/v1/chat/completions"]?.post;
    expect(Object.keys(completions.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "404", "429"]));
    expect(completions.responses["429"].headers["Retry-After"]).toBeTruthy();
    expect(completions.requestBody.content["application/json"].examples).toBeTruthy();
  });

  it("is served as JSON and stays the same from call to call", async () => {
    const response = handleOpenApiRequest(APP_URL);
    expect(response.headers.get("content-type")).toContain("application/json");
    const served = await response.json();
    expect(served).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(APP_URL))));
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(buildOpenApiDocument()));
  });
});
