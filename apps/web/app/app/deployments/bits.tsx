"use client";
import { Badge, Button, cn } from "@pixel/ui";
import { Check, Copy } from "lucide-react";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { CHANNELS, channelLabel } from "./snippets";
import type { DeploymentChannel } from "./types";

const noSubscription = () => () => {};

/** This app's origin (e.g. https://chat.example.com); "" while rendering on the server. */
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
}

export function StatusBadge({ status }: { status: "active" | "paused" }) {
  return status === "active" ? <Badge tone="green">active</Badge> : <Badge tone="amber">paused</Badge>;
}

export function EnvironmentBadge({ environment }: { environment: "staging" | "production" }) {
  return environment === "production" ? <Badge tone="indigo">production</Badge> : <Badge>staging</Badge>;
}

export function ChannelBadges({ channels }: { channels: readonly DeploymentChannel[] }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Channels">
      {channels.map((channel) => (
        <li key={channel}>
          <Badge>{channelLabel(channel)}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** Writes text to the clipboard and says so for a moment. */
export function CopyButton({
  text,
  label = "Copy",
  size = "sm",
  className,
}: {
  text: string;
  label?: string;
  size?: "sm" | "md";
  className?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 2_000);
  }

  return (
    <Button variant="secondary" size={size} onClick={() => void copy()} className={className}>
      {state === "copied" ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      <span aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select and copy" : label}
      </span>
    </Button>
  );
}

/** A block of code with a copy button. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800">
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 dark:border-slate-800 dark:bg-slate-950">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</span>
        <CopyButton text={code} label="Copy" />
      </div>
      <pre className="overflow-x-auto bg-white p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap text-slate-800 [overflow-wrap:anywhere] dark:bg-slate-900 dark:text-slate-200">
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** Checkboxes for the channels; `error` is the server's message for the whole group. */
export function ChannelCheckboxes({
  value,
  onChange,
  error,
  disabled,
}: {
  value: readonly DeploymentChannel[];
  onChange: (channels: DeploymentChannel[]) => void;
  error?: string | null;
  disabled?: boolean;
}) {
  const errorId = useId();
  return (
    <fieldset aria-describedby={error ? errorId : undefined} disabled={disabled}>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Channels</legend>
      <div className="mt-1.5 grid gap-2 sm:grid-cols-2">
        {CHANNELS.map((channel) => {
          const checked = value.includes(channel.value);
          return (
            <label
              key={channel.value}
              className={cn(
                "flex cursor-pointer items-start gap-2 rounded-lg p-2.5 text-sm ring-1 ring-inset",
                checked
                  ? "bg-indigo-50/60 ring-indigo-300 dark:bg-indigo-950/40 dark:ring-indigo-800"
                  : "ring-slate-200 dark:ring-slate-800",
                disabled && "cursor-default opacity-80",
              )}
            >
              <input
                type="checkbox"
                name="channels"
                value={channel.value}
                checked={checked}
                onChange={(event) =>
                  onChange(
                    CHANNELS.map((c) => c.value).filter((c) =>
                      c === channel.value ? event.target.checked : value.includes(c),
                    ),
                  )
                }
                className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
              />
              <span>
                <span className="block font-medium text-slate-800 dark:text-slate-200">{channel.label}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">{channel.hint}</span>
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="mt-1.5 text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The first server message for `path` or anything under it ("allowedDomains" → "allowedDomains.2"). */
export function errorUnder(fields: Record<string, string>, path: string): string | undefined {
  if (fields[path]) return fields[path];
  const key = Object.keys(fields).find((k) => k.startsWith(`${path}.`));
  return key ? fields[key] : undefined;
}
