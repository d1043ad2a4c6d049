import type { DeploymentChannel } from "./types";

/** The channels in display order, with what each one means for the people who will use it. */
export const CHANNELS: { value: DeploymentChannel; label: string; hint: string }[] = [
  { value: "hosted", label: "Hosted page", hint: "A chat page at its own address, to share as a link." },
  { value: "widget", label: "Website widget", hint: "A chat bubble, popup or inline chat embedded in your site." },
  { value: "api", label: "REST API", hint: "Conversations from your own backend, with an API key." },
  { value: "openai", label: "OpenAI-compatible API", hint: "/v1/chat/completions for tools that speak OpenAI." },
];

export function channelLabel(channel: DeploymentChannel): string {
  return CHANNELS.find((c) => c.value === channel)?.label ?? channel;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Roughly what the server derives from a name (it then adds a random suffix): for the address preview. */
export function slugPreview(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 53)
      .replace(/-+$/g, "") || "chat"
  );
}

export const hostedUrl = (origin: string, slug: string) => `${origin}/c/${slug}`;

export type EmbedMode = "bubble" | "popup" | "inline";

export const EMBED_MODES: { value: EmbedMode; label: string; hint: string }[] = [
  { value: "bubble", label: "Bubble", hint: "A chat button in a corner of every page; the chat opens above it." },
  { value: "popup", label: "Popup", hint: "The chat opens by itself in a window over the page." },
  { value: "inline", label: "Inline", hint: "The chat fills an element of your page, like any other content." },
];

export const INLINE_TARGET_ID = "pixel-chat";

/** The tag(s) to paste into a site's HTML. */
export function embedSnippet(origin: string, slug: string, mode: EmbedMode): string {
  const script = `<script src="${origin}/embed.js" data-deployment="${slug}" data-mode="${mode}"${
    mode === "inline" ? ` data-target="#${INLINE_TARGET_ID}"` : ""
  } async></script>`;
  return mode === "inline" ? `<div id="${INLINE_TARGET_ID}"></div>\n${script}` : script;
}

const KEY_PLACEHOLDER = "<key>";

function curl(url: string, body: unknown, options: { stream?: boolean } = {}): string {
  return [
    `curl${options.stream ? " -N" : ""} -X POST ${url} \\`,
    `  -H "Authorization: Bearer ${KEY_PLACEHOLDER}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(body)}'`,
  ].join("\n");
}

/** Start (or continue) a conversation through the REST API. */
export function restSnippet(origin: string): string {
  return curl(`${origin}/api/v1/conversations`, { message: "Hello" });
}

/** The OpenAI-compatible endpoint: the deployment's slug is the model. */
export function openAiSnippet(origin: string, slug: string, stream = false): string {
  const body = {
    model: slug,
    messages: [{ role: "user", content: "Hello" }],
    ...(stream ? { stream: true } : {}),
  };
  return curl(`${origin}/api/v1/chat/completions`, body, { stream });
}

/** "Latest (v3)", "v2 (pinned)": the version a deployment serves. */
export function versionLabel(version: { pinned: boolean; number: number | null }): string {
  if (version.pinned) return version.number === null ? "Pinned version" : `v${version.number} (pinned)`;
  return version.number === null ? "Latest (nothing published)" : `Latest (v${version.number})`;
}
