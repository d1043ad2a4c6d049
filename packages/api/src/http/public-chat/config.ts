import type { PrismaClient } from "@pixel/db";
import { ChatError } from "../../services/chat/index.ts";
import {
  type DeploymentChannel,
  type DeploymentTheme,
  type ResolvedDeployment,
  resolveDeployment,
} from "../../services/deployments/index.ts";
import type { PublicChatRequestOptions } from "./access.ts";
import { servePublicChat } from "./respond.ts";

/** What the hosted page and the widget need to draw the chat: no flow, no secrets, no ids. */
export interface PublicChatConfig {
  slug: string;
  name: string;
  title: string;
  greeting: string;
  theme: DeploymentTheme;
  channels: DeploymentChannel[];
}

export function publicChatConfig(deployment: ResolvedDeployment): PublicChatConfig {
  return {
    slug: deployment.slug,
    name: deployment.name,
    title: deployment.theme.title,
    greeting: deployment.theme.greeting,
    theme: deployment.theme,
    channels: deployment.channels,
  };
}

/** GET /api/chat/:slug/config */
export function handleChatConfig(options: PublicChatRequestOptions): Promise<Response> {
  return servePublicChat(options, async ({ deployment, cors }) =>
    Response.json(publicChatConfig(deployment), { headers: { ...cors, "cache-control": "no-store" } }),
  );
}

export type HostedChatPage =
  | { status: "ready"; config: PublicChatConfig }
  | { status: "not-found" }
  | { status: "paused"; message: string }
  | { status: "unpublished"; message: string };

/** The hosted page's server side: its deployment, or why there is no chat to show. */
export async function loadHostedChat(prisma: PrismaClient, slug: string): Promise<HostedChatPage> {
  try {
    const deployment = await resolveDeployment(prisma, slug);
    if (!deployment.channels.includes("hosted")) return { status: "not-found" };
    return { status: "ready", config: publicChatConfig(deployment) };
  } catch (error) {
    if (!(error instanceof ChatError)) throw error;
    if (error.status === 423) return { status: "paused", message: error.message };
    if (error.status === 409) return { status: "unpublished", message: error.message };
    return { status: "not-found" };
  }
}
