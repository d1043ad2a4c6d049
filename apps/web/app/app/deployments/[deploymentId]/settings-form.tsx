"use client";
import { Alert, Button, Card, CardHeader, cn, SelectField, TextField } from "@pixel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useMemo, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { TextAreaField } from "../../providers/bits";
import { ChannelCheckboxes, errorUnder, useOrigin } from "../bits";
import { SLUG_PATTERN } from "../snippets";
import type { DeploymentChannel, DeploymentDetail, DeploymentTheme } from "../types";

const LATEST = "latest";

interface FormState {
  name: string;
  slug: string;
  version: string;
  channels: DeploymentChannel[];
  environment: "staging" | "production";
  domains: string;
  perUserPerMinute: string;
  perDeploymentPerMinute: string;
  theme: {
    title: string;
    greeting: string;
    primaryColor: string;
    backgroundColor: string;
    mode: DeploymentTheme["mode"];
    position: DeploymentTheme["position"];
    avatarUrl: string;
  };
}

function stateOf(d: DeploymentDetail): FormState {
  return {
    name: d.name,
    slug: d.slug,
    version: d.version.pinned && d.version.flowVersionId ? d.version.flowVersionId : LATEST,
    channels: [...d.channels],
    environment: d.environment,
    domains: d.allowedDomains.join("\n"),
    perUserPerMinute: String(d.rateLimits.perUserPerMinute),
    perDeploymentPerMinute: String(d.rateLimits.perDeploymentPerMinute),
    theme: {
      title: d.theme.title,
      greeting: d.theme.greeting,
      primaryColor: d.theme.primaryColor,
      backgroundColor: d.theme.backgroundColor,
      mode: d.theme.mode,
      position: d.theme.position,
      avatarUrl: d.theme.avatarUrl ?? "",
    },
  };
}

function domainList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A number field's text as sent: an unreadable entry is sent as such (NaN) and the server names the field. */
function toNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** Name, address, version, channels, environment, allowed domains, rate limits and look: saved together. */
export function SettingsForm({ deployment, canEdit }: { deployment: DeploymentDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const origin = useOrigin();
  const [saved, setSaved] = useState<FormState>(() => stateOf(deployment));
  const [form, setForm] = useState<FormState>(saved);
  const [notice, setNotice] = useState<string | null>(null);
  const update = useMutation(
    trpc.deployments.update.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.deployments.get.queryKey({ deploymentId: updated.id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.deployments.list.pathKey() });
        const next = stateOf(updated);
        setSaved(next);
        setForm(next);
        setNotice("Saved. Chats pick up the change within a few seconds.");
      },
    }),
  );
  const dirty = useMemo(() => JSON.stringify(form) !== JSON.stringify(saved), [form, saved]);

  function set<K extends keyof FormState>(key: K, value: FormState[K]) {
    setNotice(null);
    setForm((current) => ({ ...current, [key]: value }));
  }
  function setTheme<K extends keyof FormState["theme"]>(key: K, value: FormState["theme"][K]) {
    setNotice(null);
    setForm((current) => ({ ...current, theme: { ...current.theme, [key]: value } }));
  }

  const domains = domainList(form.domains);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    update.mutate({
      deploymentId: deployment.id,
      name: form.name,
      slug: form.slug,
      flowVersionId: form.version === LATEST ? null : form.version,
      channels: form.channels,
      environment: form.environment,
      allowedDomains: domains,
      rateLimits: {
        perUserPerMinute: toNumber(form.perUserPerMinute),
        perDeploymentPerMinute: toNumber(form.perDeploymentPerMinute),
      },
      theme: {
        title: form.theme.title,
        greeting: form.theme.greeting,
        primaryColor: form.theme.primaryColor,
        backgroundColor: form.theme.backgroundColor,
        mode: form.theme.mode,
        position: form.theme.position,
        avatarUrl: form.theme.avatarUrl.trim() || undefined,
      },
    });
  }

  const fields = fieldErrorsOf(update.error);
  const message = update.error ? messageOf(update.error) : "";
  const slugError = fields.slug ?? (message === "That address is taken" ? message : undefined);
  const domainKey = Object.keys(fields).find((k) => k.startsWith("allowedDomains."));
  const domainError = domainKey
    ? `${domains[Number(domainKey.split(".")[1])] ?? "A line"}: ${fields[domainKey]}`
    : fields.allowedDomains;
  const versionError =
    fields.flowVersionId ??
    (update.error && /version/i.test(message) && !Object.keys(fields).length ? message : undefined);
  const inline = Object.keys(fields).length > 0 || Boolean(slugError) || Boolean(versionError) || Boolean(domainError);
  const slugChanged = form.slug.trim() !== deployment.slug;
  const slugLooksWrong = form.slug.trim() !== "" && !SLUG_PATTERN.test(form.slug.trim().toLowerCase());
  const latestNumber = deployment.versions[0]?.number;

  return (
    <Card>
      <CardHeader title="Settings" description={canEdit ? undefined : "Read-only: editors change these settings."} />
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={!canEdit} className="divide-y divide-slate-200 dark:divide-slate-800">
          <Section title="General">
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label="Name"
                value={form.name}
                onChange={(event) => set("name", event.target.value)}
                maxLength={80}
                autoComplete="off"
                error={fields.name}
              />
              <SelectField
                label="Version served"
                value={form.version}
                onChange={(event) => set("version", event.target.value)}
                error={versionError}
              >
                <option value={LATEST}>Latest published{latestNumber ? ` (currently v${latestNumber})` : ""}</option>
                {deployment.versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    v{v.number} (pinned){v.note ? ` — ${v.note.length > 40 ? `${v.note.slice(0, 40)}…` : v.note}` : ""}
                  </option>
                ))}
              </SelectField>
              <div className="space-y-1.5">
                <TextField
                  label="Address"
                  value={form.slug}
                  onChange={(event) => set("slug", event.target.value)}
                  maxLength={60}
                  autoComplete="off"
                  spellCheck={false}
                  error={
                    slugError ??
                    (slugLooksWrong
                      ? "Use lowercase letters, digits and hyphens (not at the start or end)."
                      : undefined)
                  }
                  hint={
                    slugChanged ? "Changing it breaks links, embeds and API calls that use the old address." : undefined
                  }
                />
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  <span className="font-mono break-all">
                    {origin}/c/{form.slug.trim().toLowerCase() || "…"}
                  </span>
                </p>
              </div>
              <SelectField
                label="Environment"
                value={form.environment}
                onChange={(event) => set("environment", event.target.value as FormState["environment"])}
                error={fields.environment}
              >
                <option value="production">Production</option>
                <option value="staging">Staging</option>
              </SelectField>
            </div>
            <ChannelCheckboxes
              value={form.channels}
              onChange={(channels) => set("channels", channels)}
              error={errorUnder(fields, "channels")}
              disabled={!canEdit}
            />
          </Section>

          <Section
            title="Allowed domains"
            description="Which websites may embed the widget. The hosted page and the APIs are not affected."
          >
            <TextAreaField
              label="Domains, one per line"
              value={form.domains}
              onChange={(event) => set("domains", event.target.value)}
              rows={4}
              mono
              spellCheck={false}
              placeholder={"example.com\n*.example.com\nlocalhost:8080"}
              error={domainError}
              hint={
                domains.length === 0
                  ? "Empty: any website may embed this chat."
                  : `Only ${domains.length === 1 ? "this site" : `these ${domains.length} sites`} may embed it. *.example.com covers every subdomain (not example.com itself).`
              }
            />
          </Section>

          <Section
            title="Rate limits"
            description="Messages per minute. Past a limit, the chat asks people to wait a moment."
          >
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label="Per user, per minute"
                type="number"
                inputMode="numeric"
                min={1}
                max={10_000}
                value={form.perUserPerMinute}
                onChange={(event) => set("perUserPerMinute", event.target.value)}
                error={fields["rateLimits.perUserPerMinute"]}
                hint="Each visitor (or API user id; else IP address)."
              />
              <TextField
                label="Whole deployment, per minute"
                type="number"
                inputMode="numeric"
                min={1}
                max={1_000_000}
                value={form.perDeploymentPerMinute}
                onChange={(event) => set("perDeploymentPerMinute", event.target.value)}
                error={fields["rateLimits.perDeploymentPerMinute"]}
                hint="Everyone together: a cap on cost."
              />
            </div>
          </Section>

          <Section title="Look" description="How the chat page and the widget look.">
            <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  label="Title"
                  value={form.theme.title}
                  onChange={(event) => setTheme("title", event.target.value)}
                  maxLength={80}
                  error={fields["theme.title"]}
                />
                <TextField
                  label="Avatar URL (optional)"
                  type="url"
                  value={form.theme.avatarUrl}
                  onChange={(event) => setTheme("avatarUrl", event.target.value)}
                  maxLength={500}
                  placeholder="https://…/avatar.png"
                  error={fields["theme.avatarUrl"]}
                />
                <TextAreaField
                  className="sm:col-span-2"
                  label="Greeting (optional)"
                  value={form.theme.greeting}
                  onChange={(event) => setTheme("greeting", event.target.value)}
                  maxLength={500}
                  rows={2}
                  placeholder="Hi! Ask me anything about your order."
                  error={fields["theme.greeting"]}
                  hint="Shown above the conversation before the first message."
                />
                <ColorField
                  label="Primary colour"
                  value={form.theme.primaryColor}
                  onChange={(value) => setTheme("primaryColor", value)}
                  error={fields["theme.primaryColor"]}
                />
                <ColorField
                  label="Background"
                  value={form.theme.backgroundColor}
                  onChange={(value) => setTheme("backgroundColor", value)}
                  error={fields["theme.backgroundColor"]}
                />
                <SelectField
                  label="Mode"
                  value={form.theme.mode}
                  onChange={(event) => setTheme("mode", event.target.value as FormState["theme"]["mode"])}
                  error={fields["theme.mode"]}
                >
                  <option value="auto">Auto (follows the visitor's system)</option>
                  <option value="light">Light</option>
                  <option value="dark">Dark</option>
                </SelectField>
                <SelectField
                  label="Widget position"
                  value={form.theme.position}
                  onChange={(event) => setTheme("position", event.target.value as FormState["theme"]["position"])}
                  error={fields["theme.position"]}
                >
                  <option value="bottom-right">Bottom right</option>
                  <option value="bottom-left">Bottom left</option>
                </SelectField>
              </div>
              <ThemePreview theme={form.theme} />
            </div>
          </Section>
        </fieldset>

        {canEdit ? (
          <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 px-5 py-4 dark:border-slate-800">
            <div className="mr-auto min-w-0 text-sm" aria-live="polite">
              {update.error && !inline ? <Alert>{message}</Alert> : null}
              {update.error && inline ? (
                <p className="text-rose-600 dark:text-rose-400">Fix the fields marked above.</p>
              ) : null}
              {notice && !dirty ? <p className="text-emerald-700 dark:text-emerald-400">{notice}</p> : null}
              {dirty && !update.error ? <p className="text-slate-500 dark:text-slate-400">Unsaved changes.</p> : null}
            </div>
            <Button
              variant="secondary"
              disabled={!dirty || update.isPending}
              onClick={() => {
                update.reset();
                setNotice(null);
                setForm(saved);
              }}
            >
              Discard
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!dirty}>
              Save settings
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section className="space-y-4 p-5">
      <div>
        <h3 className="text-sm font-semibold text-slate-900 dark:text-slate-100">{title}</h3>
        {description ? <p className="mt-0.5 text-sm text-slate-500 dark:text-slate-400">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A colour input beside its hex text: either one changes the colour. */
function ColorField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={`${label} (picker)`}
          value={HEX.test(value) ? value.toLowerCase() : "#000000"}
          onChange={(event) => onChange(event.target.value)}
          className="h-9 w-12 shrink-0 cursor-pointer rounded-lg border-0 bg-transparent p-0.5 ring-1 ring-slate-300 ring-inset disabled:cursor-default dark:ring-slate-700"
        />
        <input
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          maxLength={7}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          className={cn(
            "block h-9 w-full rounded-lg border-0 bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700",
            error && "ring-rose-500 dark:ring-rose-500",
          )}
        />
      </div>
      {error ? (
        <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Black or white, whichever reads better on `hex`. */
function readableOn(hex: string): string {
  if (!HEX.test(hex)) return "#ffffff";
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b > 0.6 ? "#0f172a" : "#ffffff";
}

/** A small picture of the widget with the chosen colours, title, greeting, avatar and corner. */
function ThemePreview({ theme }: { theme: FormState["theme"] }) {
  const primary = HEX.test(theme.primaryColor) ? theme.primaryColor : "#4f46e5";
  const background = HEX.test(theme.backgroundColor) ? theme.backgroundColor : "#ffffff";
  const text = readableOn(background);
  const left = theme.position === "bottom-left";
  return (
    <figure className="space-y-2" aria-label="Preview of the chat's look">
      <div className="relative h-72 overflow-hidden rounded-xl bg-slate-100 ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700">
        <div
          className={cn(
            "absolute bottom-14 w-52 overflow-hidden rounded-xl shadow-lg ring-1 ring-black/10",
            left ? "left-3" : "right-3",
          )}
          style={{ background, color: text }}
        >
          <div
            className="flex items-center gap-2 px-3 py-2"
            style={{ background: primary, color: readableOn(primary) }}
          >
            {theme.avatarUrl ? (
              // biome-ignore lint/performance/noImgElement: a user-given URL on any host, shown as is
              <img src={theme.avatarUrl} alt="" className="size-6 rounded-full bg-white/30 object-cover" />
            ) : (
              <span className="grid size-6 place-items-center rounded-full bg-white/25 text-xs font-semibold">
                {(theme.title.trim()[0] ?? "C").toUpperCase()}
              </span>
            )}
            <span className="truncate text-sm font-semibold">{theme.title.trim() || "Chat with us"}</span>
          </div>
          <div className="space-y-2 p-3 text-xs">
            {theme.greeting.trim() ? <p className="opacity-80">{theme.greeting.trim()}</p> : null}
            <p className="w-fit max-w-[85%] rounded-lg rounded-bl-sm px-2 py-1.5 ring-1 ring-current/15">
              Hello! How can I help?
            </p>
            <p
              className="ml-auto w-fit max-w-[85%] rounded-lg rounded-br-sm px-2 py-1.5"
              style={{ background: primary, color: readableOn(primary) }}
            >
              Where is my order?
            </p>
          </div>
        </div>
        <span
          aria-hidden
          className={cn("absolute bottom-3 size-9 rounded-full shadow-md", left ? "left-3" : "right-3")}
          style={{ background: primary }}
        />
      </div>
      <figcaption className="text-xs text-slate-500 dark:text-slate-400">
        Preview · {theme.mode === "auto" ? "light or dark as the visitor's system prefers" : `${theme.mode} mode`}
      </figcaption>
    </figure>
  );
}
