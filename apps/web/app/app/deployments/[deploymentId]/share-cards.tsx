"use client";
import { Alert, Card, CardHeader, cn } from "@pixel/ui";
import { ExternalLink } from "lucide-react";
import { useId, useState } from "react";
import { CodeBlock, CopyButton, useOrigin } from "../bits";
import {
  channelLabel,
  EMBED_MODES,
  type EmbedMode,
  embedSnippet,
  hostedUrl,
  openAiSnippet,
  restSnippet,
} from "../snippets";
import type { DeploymentChannel, DeploymentDetail } from "../types";

/** Said when a card's channel is switched off, so nobody wonders why the snippet does not answer. */
function ChannelOff({ channels, canEdit }: { channels: DeploymentChannel[]; canEdit: boolean }) {
  const names = channels.map((c) => `“${channelLabel(c)}”`).join(" and ");
  return (
    <Alert tone="info">
      {channels.length === 1 ? "This channel is" : "These channels are"} off for this deployment
      {canEdit
        ? `: turn on ${names} in Settings below.`
        : ` (${names}); an editor can turn ${channels.length === 1 ? "it" : "them"} on.`}
    </Alert>
  );
}

export function ShareCard({ deployment: d, canEdit }: { deployment: DeploymentDetail; canEdit: boolean }) {
  const origin = useOrigin();
  const url = hostedUrl(origin, d.slug);
  return (
    <Card>
      <CardHeader title="Share" description="A chat page with its own address: send the link, or put it on a button." />
      <div className="space-y-3 p-5">
        {d.channels.includes("hosted") ? null : <ChannelOff channels={["hosted"]} canEdit={canEdit} />}
        <div className="flex flex-wrap items-center gap-2">
          <input
            readOnly
            aria-label="Chat page address"
            data-testid="hosted-url"
            value={url}
            onFocus={(event) => event.currentTarget.select()}
            className="h-9 min-w-0 flex-1 rounded-lg bg-slate-50 px-3 font-mono text-sm text-slate-800 ring-1 ring-slate-300 ring-inset dark:bg-slate-950 dark:text-slate-200 dark:ring-slate-700"
          />
          <CopyButton text={url} size="md" />
          <a
            href={url}
            target="_blank"
            rel="noreferrer"
            className="inline-flex items-center gap-2 rounded-lg px-4 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800"
          >
            <ExternalLink className="size-3.5" aria-hidden />
            Open
          </a>
        </div>
      </div>
    </Card>
  );
}

export function EmbedCard({ deployment: d, canEdit }: { deployment: DeploymentDetail; canEdit: boolean }) {
  const origin = useOrigin();
  const [mode, setMode] = useState<EmbedMode>("bubble");
  const name = useId();
  const current = EMBED_MODES.find((m) => m.value === mode);
  return (
    <Card>
      <CardHeader
        title="Embed"
        description="Paste this into your site's HTML, just before </body> (inline: where the chat should appear)."
      />
      <div className="space-y-3 p-5">
        {d.channels.includes("widget") ? null : <ChannelOff channels={["widget"]} canEdit={canEdit} />}
        <fieldset>
          <legend className="sr-only">How the widget appears</legend>
          <div className="inline-flex rounded-lg bg-slate-100 p-0.5 dark:bg-slate-800">
            {EMBED_MODES.map((m) => (
              <label
                key={m.value}
                className={cn(
                  "cursor-pointer rounded-md px-3 py-1 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-500",
                  mode === m.value
                    ? "bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-slate-100"
                    : "text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100",
                )}
              >
                <input
                  type="radio"
                  name={name}
                  value={m.value}
                  checked={mode === m.value}
                  onChange={() => setMode(m.value)}
                  className="sr-only"
                />
                {m.label}
              </label>
            ))}
          </div>
          <p className="mt-1.5 text-xs text-slate-500 dark:text-slate-400">{current?.hint}</p>
        </fieldset>
        <CodeBlock code={embedSnippet(origin, d.slug, mode)} label="HTML" />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {d.allowedDomains.length === 0
            ? "Any website may embed this chat: limit it to your domains in Settings."
            : `Only these sites may embed it: ${d.allowedDomains.join(", ")}.`}
        </p>
      </div>
    </Card>
  );
}

export function ApiCard({ deployment: d, canEdit }: { deployment: DeploymentDetail; canEdit: boolean }) {
  const origin = useOrigin();
  const off = (["api", "openai"] as const).filter((c) => !d.channels.includes(c));
  return (
    <Card>
      <CardHeader
        title="API"
        description={
          <>
            Call the bot from your own code with an API key of this deployment (below), sent as{" "}
            <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code>.
          </>
        }
      />
      <div className="space-y-4 p-5">
        {off.length ? <ChannelOff channels={off} canEdit={canEdit} /> : null}
        <div className="space-y-1.5">
          <h3 className="text-sm font-medium">REST: start a conversation</h3>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            The answer names the conversation; send its id with the next message to continue it.
          </p>
          <CodeBlock code={restSnippet(origin)} label="POST /api/v1/conversations" />
        </div>
        <div className="space-y-1.5">
          <h3 className="text-sm font-medium">OpenAI-compatible</h3>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            For tools and SDKs that speak OpenAI: the model is this deployment's address,{" "}
            <code className="font-mono">{d.slug}</code>.
          </p>
          <CodeBlock code={openAiSnippet(origin, d.slug)} label="POST /api/v1/chat/completions" />
          <CodeBlock code={openAiSnippet(origin, d.slug, true)} label="Streaming (server-sent events)" />
        </div>
      </div>
    </Card>
  );
}
