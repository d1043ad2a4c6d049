import type { PrismaClient } from "@pixel/db";
import { type FlowDocument, parseFlowDocument, turnInputSchema } from "@pixel/flow";
import { z } from "zod";
import { consumeRateLimit, RateLimitedError } from "../../lib/rate-limit.ts";
import { ChatError, chatErrorResponse, chatTurnResponse, openChatTurn } from "../../services/chat/index.ts";
import { canViewTemplate } from "../../services/templates/visibility.ts";
import { clientIp } from "../../trpc/context.ts";
import { readJson } from "../preview-handler.ts";
import { type PreviewProviderConfig, previewAiPort, previewProviderFromEnv } from "./preview-ai.ts";
import { previewStore } from "./preview-store.ts";
import { MAX_TOKEN_CHARS } from "./signed-state.ts";

export interface TemplatePreviewOptions {
  req: Request;
  prisma: PrismaClient;
  slug: string;
  /** The signed-in visitor's organizations (organization-only templates preview for their members only). */
  viewerOrganizationIds: () => Promise<string[]>;
  /** Default: from the environment (PIXEL_PREVIEW_*). */
  provider?: PreviewProviderConfig | null;
  fetch?: typeof fetch;
}

const MAX_MESSAGE_CHARS = 2_000;
const bodySchema = z.object({
  conversationId: z.string().min(1).max(MAX_TOKEN_CHARS).nullish(),
  input: turnInputSchema,
});
/** A visitor's turns per minute (AI steps spend the operator's money), and every visitor's together per template. */
const PER_VISITOR = { points: 30, duration: 60 };
const PER_TEMPLATE = { points: 600, duration: 60 };

interface LoadedTemplate {
  key: string;
  flow: FlowDocument;
}

/** Parsed flows of recently previewed templates, by id and version (a republish changes updatedAt). */
const flows = new Map<string, FlowDocument>();

async function loadTemplate(options: TemplatePreviewOptions): Promise<LoadedTemplate> {
  // The flow itself is read only when this version is not parsed yet: it is the large part of the row.
  const row = await options.prisma.template.findUnique({
    where: { slug: options.slug },
    select: { id: true, updatedAt: true, status: true, visibility: true, organizationId: true },
  });
  // The template page's rule, so a page that shows also previews.
  const visible =
    row !== null &&
    canViewTemplate(row, {
      userId: null,
      organizationIds: row.organizationId ? await options.viewerOrganizationIds() : [],
    });
  if (!row || !visible) throw new ChatError(404, "template-not-found", "There is no template here.");
  const key = `${row.id}@${row.updatedAt.getTime()}`;
  let flow = flows.get(key);
  if (!flow) {
    const stored = await options.prisma.template.findUnique({ where: { id: row.id }, select: { flow: true } });
    const parsed = parseFlowDocument(stored?.flow);
    if (!parsed.ok) throw new ChatError(409, "template-flow-invalid", "This template's flow cannot run.");
    flow = parsed.flow;
    if (flows.size > 200) flows.clear();
    flows.set(key, flow);
  }
  return { key, flow };
}

/**
 * POST /api/templates/:slug/preview — a gallery visitor tries a template without signing in: the template's
 * flow through the same chat service as every other channel, its state in a signed token instead of the
 * database, AI steps on the operator's preview provider (or a plain notice that there is none).
 */
export async function handleTemplatePreview(options: TemplatePreviewOptions): Promise<Response> {
  try {
    const template = await loadTemplate(options);
    const raw = await readJson(options.req, MAX_TOKEN_CHARS + 50_000);
    const body = bodySchema.safeParse(raw);
    if (!body.success) {
      const first = body.error.issues[0];
      throw new ChatError(400, "invalid-request", `${first?.path.join(".") || "body"}: ${first?.message ?? "invalid"}`);
    }
    const { input, conversationId } = body.data;
    if (input.type === "text" && input.text.length > MAX_MESSAGE_CHARS) {
      throw new ChatError(
        413,
        "message-too-long",
        `Preview messages can be at most ${MAX_MESSAGE_CHARS} characters long.`,
      );
    }
    if (input.type === "start" && (input.atNodeId || input.variables)) {
      throw new ChatError(400, "invalid-request", "input: a preview starts at the template's start");
    }
    await consumeRateLimit("template-preview:visitor", PER_VISITOR, clientIp(options.req.headers));
    await consumeRateLimit("template-preview:template", PER_TEMPLATE, template.key);
    const provider = options.provider === undefined ? previewProviderFromEnv() : options.provider;
    const turn = await openChatTurn(
      {
        prisma: options.prisma,
        store: previewStore(template.key),
        ports: { ai: previewAiPort(provider, { fetch: options.fetch }) },
      },
      {
        organizationId: "",
        botId: "",
        deploymentId: null,
        channel: "preview",
        endUserId: null,
        flow: template.flow,
        conversationId: conversationId ?? null,
        input,
      },
    );
    return chatTurnResponse(turn, { "cache-control": "no-store" });
  } catch (error) {
    if (error instanceof ChatError) return chatErrorResponse(error);
    if (error instanceof RateLimitedError) {
      return chatErrorResponse(new ChatError(429, "rate-limited", error.message), {
        "retry-after": String(error.retryAfterSeconds),
      });
    }
    throw error;
  }
}
