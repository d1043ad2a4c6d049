import { randomBytes } from "node:crypto";
import { type StandIn, startStandIn } from "@pixel/ai/stand-ins";
import { type FlowDocument, flowDocumentSchema, TEMPLATE_SEEDS } from "@pixel/flow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "./ai/support.ts";
import { handleTemplatePreview, NO_PREVIEW_PROVIDER_MESSAGE, type PreviewProviderConfig } from "../src/index.ts";
import { resetRateLimit } from "../src/lib/rate-limit.ts";
import { APP_URL, createOrganization, db, useTestDatabase } from "./helpers.ts";

useTestDatabase();

const SECRET = "sk-template-preview-test-0000000000";
let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ expectedKey: SECRET });
});
afterAll(async () => {
  await standIn?.close();
});

/** start → hello → pick (quick reply) → AI step → a closing message. */
function previewFlow(): FlowDocument {
  return flowDocumentSchema.parse({
    version: 1,
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: {} },
      { id: "hello", type: "message", position: { x: 0, y: 0 }, data: { text: "Welcome to the preview" } },
      {
        id: "pick",
        type: "quick-reply",
        position: { x: 0, y: 0 },
        data: { prompt: "What do you need?", options: [{ id: "ai", label: "Ask the expert" }], variable: "need" },
      },
      {
        id: "expert",
        type: "ai-step",
        position: { x: 0, y: 0 },
        data: { model: "anthropic:claude-haiku-4-5", systemPrompt: "Be brief.", prompt: "Say hello" },
      },
      { id: "bye", type: "message", position: { x: 0, y: 0 }, data: { text: "Thanks for trying" } },
      { id: "done", type: "end", position: { x: 0, y: 0 }, data: {} },
    ],
    edges: [
      { id: "e1", source: "start", target: "hello" },
      { id: "e2", source: "hello", target: "pick" },
      { id: "e3", source: "pick", sourceHandle: "ai", target: "expert" },
      { id: "e4", source: "expert", target: "bye" },
      { id: "e5", source: "expert", sourceHandle: "error", target: "bye" },
      { id: "e6", source: "bye", target: "done" },
    ],
  });
}

async function createTemplate(
  overrides: {
    flow?: unknown;
    status?: "draft" | "published" | "archived";
    organizationId?: string | null;
    visibility?: "public" | "organization";
  } = {},
) {
  const slug = `preview-${randomBytes(4).toString("hex")}`;
  return db().template.create({
    data: {
      slug,
      name: "Preview test",
      description: "A template to preview",
      category: "Testing",
      tags: [],
      requiredIntegrations: [],
      languages: ["en"],
      status: overrides.status ?? "published",
      visibility: overrides.visibility ?? "public",
      organizationId: overrides.organizationId ?? null,
      flow: (overrides.flow ?? previewFlow()) as object,
    },
  });
}

interface Chunk {
  type: string;
  delta?: string;
  errorText?: string;
  data?: Record<string, unknown>;
}

async function preview(
  slug: string,
  body: unknown,
  options: { provider?: PreviewProviderConfig | null; organizations?: string[]; ip?: string } = {},
) {
  const req = new Request(`${APP_URL}/api/templates/${slug}/preview`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": options.ip ?? "203.0.113.7" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handleTemplatePreview({
    req,
    prisma: db(),
    slug,
    viewerOrganizationIds: async () => options.organizations ?? [],
    provider: options.provider ?? null,
  });
  const text = await response.text();
  const chunks: Chunk[] = (response.headers.get("content-type") ?? "").includes("text/event-stream")
    ? text
        .split("\n")
        .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
        .map((line) => JSON.parse(line.slice(6)) as Chunk)
    : [];
  const tokens = chunks
    .filter((c) => c.type === "data-conversation")
    .map((c) => (c.data as { conversationId: string }).conversationId);
  return {
    status: response.status,
    text,
    chunks,
    token: tokens.at(-1) ?? null,
    json: chunks.length ? null : JSON.parse(text),
  };
}

const said = (chunks: Chunk[]) =>
  chunks
    .filter((c) => c.type === "text-delta")
    .map((c) => c.delta)
    .join("");

async function rowCounts() {
  const [conversations, messages, attempts] = await Promise.all([
    db().conversation.count(),
    db().message.count(),
    db().aiAttempt.count(),
  ]);
  return { conversations, messages, attempts };
}

describe("template preview (gallery, no sign-in)", () => {
  it("runs the template's flow without a provider: the AI step says plainly that one is needed and the flow goes on; nothing is written", async () => {
    const template = await createTemplate();
    const before = await rowCounts();
    const start = await preview(template.slug, { input: { type: "start" } });
    expect(start.status).toBe(200);
    expect(said(start.chunks)).toContain("Welcome to the preview");
    expect(start.chunks.some((c) => c.type === "data-choices")).toBe(true);
    expect(start.token).toBeTruthy();

    const next = await preview(template.slug, {
      conversationId: start.token,
      input: { type: "choice", optionId: "ai" },
    });
    expect(next.status).toBe(200);
    const errors = next.chunks.filter((c) => c.type === "data-error");
    expect(JSON.stringify(errors)).toContain(NO_PREVIEW_PROVIDER_MESSAGE);
    expect(said(next.chunks)).toContain("Thanks for trying");
    expect(next.token).not.toBe(start.token);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers AI steps with the operator's preview provider, whatever model the template names", async () => {
    const template = await createTemplate();
    const provider: PreviewProviderConfig = {
      provider: "openai-compatible",
      model: "preview-model",
      apiKey: SECRET,
      baseUrl: standIn.baseUrls.compatible,
    };
    standIn.reset();
    const start = await preview(template.slug, { input: { type: "start" } }, { provider });
    const next = await preview(
      template.slug,
      { conversationId: start.token, input: { type: "choice", optionId: "ai" } },
      { provider },
    );
    expect(next.status).toBe(200);
    expect(next.chunks.filter((c) => c.type === "data-error")).toEqual([]);
    expect(said(next.chunks).length).toBeGreaterThan("Thanks for trying".length);
    expect(standIn.requests.some((r) => r.status === 200)).toBe(true);
  });

  it("refuses tampered, foreign and malformed requests with a clear 4xx", async () => {
    const template = await createTemplate();
    const other = await createTemplate();
    const start = await preview(template.slug, { input: { type: "start" } });
    const token = start.token as string;
    const tampered = `${token.slice(0, -4)}AAAA`;
    expect(
      (await preview(template.slug, { conversationId: tampered, input: { type: "text", text: "hi" } })).status,
    ).toBe(404);
    const foreign = await preview(other.slug, { conversationId: token, input: { type: "text", text: "hi" } });
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.message).toMatch(/expired|another version/);
    expect((await preview("no-such-template", { input: { type: "start" } })).status).toBe(404);
    const malformed = await preview(template.slug, "{not json");
    expect(malformed.status).toBe(400);
    expect((await preview(template.slug, { input: { type: "launch" } })).status).toBe(400);
    expect((await preview(template.slug, { input: { type: "start", atNodeId: "bye" } })).status).toBe(400);
    const long = await preview(template.slug, {
      conversationId: token,
      input: { type: "text", text: "x".repeat(2_001) },
    });
    expect(long.status).toBe(413);
  });

  it("shows drafts, archived and other organizations' private templates to nobody outside", async () => {
    const organization = await createOrganization(undefined, "Owner of a private template");
    const draft = await createTemplate({ status: "draft" });
    const archived = await createTemplate({ status: "archived" });
    const privateOne = await createTemplate({ visibility: "organization", organizationId: organization.id });
    expect((await preview(draft.slug, { input: { type: "start" } })).status).toBe(404);
    expect((await preview(archived.slug, { input: { type: "start" } })).status).toBe(404);
    expect((await preview(privateOne.slug, { input: { type: "start" } })).status).toBe(404);
    const member = await preview(privateOne.slug, { input: { type: "start" } }, { organizations: [organization.id] });
    expect(member.status).toBe(200);
  });

  it("limits a visitor's turns per minute (429 with Retry-After)", async () => {
    const template = await createTemplate();
    const ip = "198.51.100.99";
    await resetRateLimit("template-preview:visitor", { points: 30, duration: 60 }, ip);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await preview(template.slug, { input: { type: "start" } }, { ip })).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("starts every seeded template and collaboration flow", async () => {
    for (const seed of TEMPLATE_SEEDS) {
      const template = await createTemplate({ flow: seed.flow });
      const start = await preview(
        template.slug,
        { input: { type: "start" } },
        { ip: `10.0.${TEMPLATE_SEEDS.indexOf(seed)}.1` },
      );
      expect(start.status, seed.slug).toBe(200);
      expect(said(start.chunks).length, seed.slug).toBeGreaterThan(0);
    }
  });
});
