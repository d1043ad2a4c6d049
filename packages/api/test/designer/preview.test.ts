import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import { type FlowDocument, flowDocumentSchema } from "@pixel/flow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../ai/support.ts";
import { handlePreviewRequest } from "../../src/index.ts";
import { APP_URL, callerFor, createOrganizationWithRoles, db, type TestUser, useTestDatabase } from "../helpers.ts";
import { createBotRow } from "./support.ts";

useTestDatabase();

const SECRET = "sk-preview-test-0000000000000000";
let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: SECRET });
});
afterAll(async () => {
  await standIn?.close();
});

/** start → greet → ask → (a) AI answer → end. */
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

interface Chunk {
  type: string;
  delta?: string;
  data?: Record<string, unknown>;
}

async function preview(user: TestUser | null, botId: string, body: unknown) {
  const req = new Request(`${APP_URL}/api/bots/${botId}/preview`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "10.9.9.9" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handlePreviewRequest({
    req,
    prisma: db(),
    botId,
    appUrl: APP_URL,
    getSessionUser: async () => (user ? { id: user.id, email: user.email } : null),
  });
  const text = await response.text();
  const chunks: Chunk[] = text
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as Chunk);
  return { status: response.status, text, chunks };
}

const textOf = (chunks: Chunk[]) =>
  chunks
    .filter((c) => c.type === "text-delta")
    .map((c) => c.delta)
    .join("");

describe("designer preview through the chat service", () => {
  it("streams the draft, saves every message with model, tokens and cost, and traces the path", async () => {
    const { organization, admin, editor } = await createOrganizationWithRoles();
    const adminCaller = await callerFor(admin.user, organization.id);
    await adminCaller.providerKeys.create({
      provider: "openai",
      label: "Stand-in",
      secret: SECRET,
      baseUrl: standIn.baseUrls.openai,
      models: ["gpt-4o-mini"],
    });
    const bot = await createBotRow(organization.id, aiFlow());
    const flow = aiFlow();

    const first = await preview(editor.user, bot.id, { input: { type: "start" }, flow });
    expect(first.status).toBe(200);
    expect(textOf(first.chunks)).toBe("Hello Ada");
    const conversationId = first.chunks.find((c) => c.type === "data-conversation")?.data?.conversationId as string;
    expect(conversationId).toBeTruthy();
    expect(first.chunks.find((c) => c.type === "data-choices")?.data).toMatchObject({ nodeId: "ask" });
    const state = first.chunks.find((c) => c.type === "data-trace" && c.data?.kind === "state")?.data;
    expect(state).toMatchObject({ path: ["start", "hello", "ask"], waitingNodeId: "ask", vars: { name: "Ada" } });

    standIn.enqueue({ chunks: ["Hi", " there", "!"], usage: { input: 50, output: 7 } });
    const second = await preview(editor.user, bot.id, {
      conversationId,
      input: { type: "choice", optionId: "a" },
      flow,
    });
    expect(second.status).toBe(200);
    expect(second.chunks.filter((c) => c.type === "text-delta").map((c) => c.delta)).toEqual(["Hi", " there", "!"]);
    const aiTrace = second.chunks.find((c) => c.type === "data-trace" && c.data?.kind === "ai")?.data;
    expect(aiTrace).toMatchObject({
      nodeId: "ai",
      status: "complete",
      usage: { model: "gpt-4o-mini", tokensIn: 50, tokensOut: 7 },
    });
    expect((aiTrace?.usage as { costUsd?: number } | undefined)?.costUsd ?? 0).toBeGreaterThan(0);

    const conversation = await db().conversation.findUniqueOrThrow({
      where: { id: conversationId },
      include: { messages: { orderBy: { createdAt: "asc" } } },
    });
    expect(conversation).toMatchObject({ channel: "preview", deploymentId: null, status: "ended" });
    const rows = conversation.messages.map((m) => ({
      role: m.role,
      node: m.nodeId,
      model: m.model,
      tokensOut: m.tokensOut,
    }));
    expect(rows).toEqual([
      { role: "assistant", node: "hello", model: null, tokensOut: 0 },
      { role: "assistant", node: "ask", model: null, tokensOut: 0 },
      { role: "user", node: null, model: null, tokensOut: 0 },
      { role: "assistant", node: "ai", model: "gpt-4o-mini", tokensOut: 7 },
    ]);
    expect(JSON.stringify(conversation.messages[2]?.parts)).toContain("Ask the AI");
    expect(Number(conversation.messages[3]?.costUsd)).toBeGreaterThan(0);
  });

  it("keeps the user's message and a partial answer with its status when the provider fails mid-answer", async () => {
    const { organization, admin, editor } = await createOrganizationWithRoles();
    await (await callerFor(admin.user, organization.id)).providerKeys.create({
      provider: "openai",
      label: "Flaky",
      secret: SECRET,
      baseUrl: standIn.baseUrls.openai,
      models: ["gpt-4o-mini"],
    });
    const bot = await createBotRow(organization.id, aiFlow());
    const first = await preview(editor.user, bot.id, { input: { type: "start" }, flow: aiFlow() });
    const conversationId = first.chunks.find((c) => c.type === "data-conversation")?.data?.conversationId as string;
    standIn.enqueue({ chunks: ["Half an ans", "wer never finished"], fault: "cut-mid-stream", faultAfterChunks: 1 });
    const second = await preview(editor.user, bot.id, {
      conversationId,
      input: { type: "choice", optionId: "a" },
      flow: aiFlow(),
    });
    expect(second.status).toBe(200);
    expect(textOf(second.chunks)).toContain("Half an ans");
    const messages = await db().message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => [m.role, m.status])).toEqual([
      ["assistant", "complete"],
      ["assistant", "complete"],
      ["user", "complete"],
      ["assistant", "partial"],
    ]);
  });

  it("answers bad requests with clear 4xx errors and saves nothing for them", async () => {
    const { organization, editor } = await createOrganizationWithRoles();
    const other = await createOrganizationWithRoles();
    const bot = await createBotRow(organization.id, aiFlow());
    const before = await db().message.count();
    expect((await preview(null, bot.id, { input: { type: "start" }, flow: aiFlow() })).status).toBe(401);
    expect((await preview(other.editor.user, bot.id, { input: { type: "start" }, flow: aiFlow() })).status).toBe(404);
    expect((await preview(editor.user, "missing", { input: { type: "start" }, flow: aiFlow() })).status).toBe(404);
    const malformed = await preview(editor.user, bot.id, "{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.text).toContain("not valid JSON");
    const badInput = await preview(editor.user, bot.id, { input: { type: "shout" }, flow: aiFlow() });
    expect(badInput.status).toBe(400);
    const badFlow = await preview(editor.user, bot.id, { input: { type: "start" }, flow: { version: 1, nodes: "x" } });
    expect(badFlow.status).toBe(400);
    expect(badFlow.text).toContain("cannot run");
    const foreign = await preview(editor.user, bot.id, {
      conversationId: "c_unknown",
      input: { type: "text", text: "hi" },
      flow: aiFlow(),
    });
    expect(foreign.status).toBe(404);
    expect(foreign.text).toContain("does not exist");
    expect(await db().message.count()).toBe(before);
  });
});
