"use client";
import { Alert, Button, Dialog, SelectField, TextField } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { ChannelCheckboxes, errorUnder, useOrigin } from "./bits";
import { SLUG_PATTERN, slugPreview } from "./snippets";
import type { DeploymentChannel } from "./types";

const LATEST = "latest";

/** Bot, version, name, address, channels and environment; on success the new deployment opens. */
export function NewDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title="New deployment"
      description="Serve a published version of a bot. You can change everything but the bot later."
    >
      {/* Mounted only while open, so every opening starts from a clean form. */}
      {open ? <NewDeploymentForm onClose={onClose} /> : null}
    </Dialog>
  );
}

function NewDeploymentForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const origin = useOrigin();
  const bots = useQuery(trpc.bots.list.queryOptions({ limit: 100 }));
  const [botId, setBotId] = useState("");
  const [version, setVersion] = useState(LATEST);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [channels, setChannels] = useState<DeploymentChannel[]>(["hosted", "widget"]);
  const [environment, setEnvironment] = useState<"production" | "staging">("production");
  const versions = useQuery(trpc.versions.list.queryOptions({ botId }, { enabled: Boolean(botId) }));
  const create = useMutation(
    trpc.deployments.create.mutationOptions({
      onSuccess: (deployment) => {
        void queryClient.invalidateQueries({ queryKey: trpc.deployments.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
        router.push(`/app/deployments/${deployment.id}`);
      },
    }),
  );

  const items = bots.data?.items ?? [];
  const published = items.filter((b) => b.latestVersion !== null);
  const bot = items.find((b) => b.id === botId);
  const typedSlug = slug.trim().toLowerCase();
  const slugLooksWrong = typedSlug !== "" && (!SLUG_PATTERN.test(typedSlug) || typedSlug.length < 3);
  const previewSlug = typedSlug || `${slugPreview(name || bot?.name || "")}-xxxxxx`;

  function close() {
    if (create.isPending) return;
    create.reset();
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({
      botId,
      name: name.trim() || bot?.name || "",
      slug: typedSlug || undefined,
      flowVersionId: version === LATEST ? null : version,
      channels,
      environment,
      allowedDomains: [],
    });
  }

  const fields = fieldErrorsOf(create.error);
  // The server's plain messages that belong to one field are shown there.
  const message = create.error ? messageOf(create.error) : "";
  const slugError = fields.slug ?? (message === "That address is taken" ? message : undefined);
  const botError = fields.botId ?? (message === "Publish the bot first" ? message : undefined);
  const channelsError = errorUnder(fields, "channels");
  const shownInline = [fields.name, fields.flowVersionId, slugError, botError, channelsError].some(Boolean);
  const otherError = create.error && !shownInline;

  if (bots.isPending) return <p className="text-sm text-slate-500">Loading bots…</p>;
  if (bots.error) return <Alert>Could not load the bots: {messageOf(bots.error)}</Alert>;
  if (published.length === 0) {
    return (
      <div className="space-y-4">
        <Alert tone="info">
          {items.length === 0 ? "There are no bots yet. " : "None of your bots is published yet. "}
          Publish a version of a bot in the designer first; then deploy it here.
        </Alert>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Close
          </Button>
          <Link
            href="/app/bots"
            className="inline-flex items-center rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Go to bots
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Bot"
          name="botId"
          value={botId}
          onChange={(event) => {
            setBotId(event.target.value);
            setVersion(LATEST);
          }}
          error={botError}
          data-autofocus
          required
        >
          <option value="" disabled>
            Choose a bot…
          </option>
          {items.map((b) => (
            <option key={b.id} value={b.id} disabled={b.latestVersion === null}>
              {b.name}
              {b.latestVersion === null ? " (not published)" : ""}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Version"
          name="flowVersionId"
          value={version}
          onChange={(event) => setVersion(event.target.value)}
          disabled={!botId}
          error={fields.flowVersionId}
        >
          <option value={LATEST}>
            Latest published{bot?.latestVersion ? ` (currently v${bot.latestVersion})` : ""}
          </option>
          {versions.data?.map((v) => (
            <option key={v.id} value={v.id}>
              v{v.number}
              {v.note ? ` — ${v.note.length > 40 ? `${v.note.slice(0, 40)}…` : v.note}` : ""}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="-mt-2 text-xs text-slate-500 dark:text-slate-400">
        “Latest published” follows every new publish; a specific version stays until you change it.
      </p>
      <TextField
        label="Name"
        name="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={80}
        autoComplete="off"
        placeholder={bot ? bot.name : "Website chat"}
        hint={bot && !name ? `Left empty, it is called “${bot.name}”.` : undefined}
        error={fields.name}
      />
      <div className="space-y-1.5">
        <TextField
          label="Address (optional)"
          name="slug"
          value={slug}
          onChange={(event) => setSlug(event.target.value)}
          maxLength={60}
          autoComplete="off"
          spellCheck={false}
          placeholder="acme-support"
          error={
            slugError ??
            (slugLooksWrong ? "Use 3–60 lowercase letters, digits and hyphens (not at the start or end)." : undefined)
          }
          hint="Lowercase letters, digits and hyphens. Left empty, one is made from the name."
        />
        <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
          Chat page:{" "}
          <span className="font-mono break-all text-slate-800 dark:text-slate-200" data-testid="slug-preview">
            {origin}/c/{previewSlug}
          </span>
        </p>
      </div>
      <ChannelCheckboxes value={channels} onChange={setChannels} error={channelsError} />
      <SelectField
        label="Environment"
        name="environment"
        value={environment}
        onChange={(event) => setEnvironment(event.target.value as "production" | "staging")}
      >
        <option value="production">Production</option>
        <option value="staging">Staging (for testing before going live)</option>
      </SelectField>
      {otherError ? <Alert>{messageOf(create.error)}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={close} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending || create.isSuccess} disabled={!botId}>
          Create deployment
        </Button>
      </div>
    </form>
  );
}
