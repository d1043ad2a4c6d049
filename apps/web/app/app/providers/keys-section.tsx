"use client";
import { Alert, Badge, Button, Card, CardHeader, EmptyState, TextField } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, KeyRound, XCircle } from "lucide-react";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { daysUntil, formatRelative, fromDateInput, toDateInput } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { ProviderMark } from "./bits";
import { parseModels, providerLook } from "./presets";
import type { ProviderKeyItem } from "./types";

export function KeysSection({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const keys = useQuery(trpc.providerKeys.list.queryOptions());
  return (
    <Card id="keys" className="scroll-mt-20">
      <CardHeader
        title="Keys"
        description="Your own provider keys. Secrets are encrypted at rest and never shown again: only their last four characters."
      />
      {keys.error ? (
        <div className="p-5">
          <Alert>{messageOf(keys.error)}</Alert>
        </div>
      ) : null}
      {keys.isPending ? <p className="p-5 text-sm text-slate-500">Loading…</p> : null}
      {keys.data?.length === 0 ? (
        <div className="p-5">
          <EmptyState icon={<KeyRound className="size-9 text-slate-400" />} title="No provider keys yet">
            Bots cannot answer with AI until a provider is configured.{" "}
            {canManage ? "Add a key below, or a local Ollama if one was found." : "Ask an owner or admin to add one."}
          </EmptyState>
        </div>
      ) : null}
      {keys.data?.length ? (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="key-list">
          {keys.data.map((k) => (
            <KeyRow key={k.id} item={k} canManage={canManage} />
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

export function KeyStatus({ item }: { item: ProviderKeyItem }) {
  if (item.expired) return <Badge tone="red">expired</Badge>;
  if (item.disabled) return <Badge>disabled</Badge>;
  const soon =
    item.expiresSoon && item.expiresAt ? (
      <Badge tone="amber">{expiresInText(item.daysUntilExpiry ?? Math.max(0, daysUntil(item.expiresAt) - 1))}</Badge>
    ) : null;
  if (item.status === "cooling_down") {
    return (
      <>
        <Badge tone="amber">
          cooling down{item.cooldownUntil ? ` until ${item.cooldownUntil.toLocaleTimeString()}` : ""}
        </Badge>
        {soon}
      </>
    );
  }
  return soon ?? <Badge tone="green">active</Badge>;
}

function expiresInText(days: number): string {
  if (days <= 0) return "expires today";
  return `expires in ${days} day${days === 1 ? "" : "s"}`;
}

type Panel = "rotate" | "edit" | "history" | null;

function KeyRow({ item, canManage }: { item: ProviderKeyItem; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.providerKeys.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.aiSettings.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.budgets.pathKey() });
  };
  const test = useMutation(trpc.providerKeys.test.mutationOptions({ onSettled: refresh }));
  const setDisabled = useMutation(trpc.providerKeys.setDisabled.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.providerKeys.delete.mutationOptions({ onSettled: refresh }));
  const look = providerLook(item.provider);
  const error = setDisabled.error ?? remove.error;

  function toggle(next: Panel) {
    setNotice(null);
    setPanel((current) => (current === next ? null : next));
  }

  return (
    <li className="px-5 py-4" data-testid="provider-key" data-key-label={item.label}>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-3">
        <ProviderMark provider={item.provider} />
        <div className="min-w-[14rem] flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <p className="text-sm font-semibold">{item.label}</p>
            <KeyStatus item={item} />
          </div>
          <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
            {look.name} ·{" "}
            <span className="font-mono" data-testid="masked-key">
              {item.masked ?? "no key (local server)"}
            </span>
            {item.headerNames.length ? <> · headers: {item.headerNames.join(", ")}</> : null}
            {item.baseUrl ? (
              <>
                {" "}
                · <span className="font-mono break-all">{item.baseUrl}</span>
              </>
            ) : null}
            {item.expiresAt && !item.expired && !item.expiresSoon ? (
              <> · expires {item.expiresAt.toLocaleDateString()}</>
            ) : null}
            {item.expired && item.expiresAt ? <> · expired {item.expiresAt.toLocaleDateString()}</> : null}
          </p>
          {item.models.length ? (
            <ul className="mt-2 flex flex-wrap gap-1" aria-label="Models">
              {item.models.map((m) => (
                <li
                  key={m}
                  className="rounded-md bg-slate-100 px-1.5 py-0.5 font-mono text-[0.7rem] text-slate-700 dark:bg-slate-800 dark:text-slate-300"
                >
                  {m}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-xs text-slate-500">No preferred models: the server default is used.</p>
          )}
          {test.data || test.error || test.isPending ? null : <LastTest item={item} />}
        </div>
        {canManage ? (
          <div className="flex flex-wrap items-center gap-1">
            <Button
              size="sm"
              variant="secondary"
              loading={test.isPending}
              className="disabled:opacity-50"
              disabled={item.expired || item.disabled}
              title={
                item.expired ? "An expired key cannot be used" : item.disabled ? "Enable the key to test it" : undefined
              }
              onClick={() => {
                setNotice(null);
                test.mutate({ providerKeyId: item.id });
              }}
            >
              Test
            </Button>
            <Button size="sm" variant="ghost" aria-expanded={panel === "rotate"} onClick={() => toggle("rotate")}>
              Rotate
            </Button>
            <Button size="sm" variant="ghost" aria-expanded={panel === "edit"} onClick={() => toggle("edit")}>
              Edit
            </Button>
            <Button size="sm" variant="ghost" aria-expanded={panel === "history"} onClick={() => toggle("history")}>
              History
            </Button>
            <Button
              size="sm"
              variant="ghost"
              loading={setDisabled.isPending}
              onClick={() => setDisabled.mutate({ providerKeyId: item.id, disabled: !item.disabled })}
            >
              {item.disabled ? "Enable" : "Disable"}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              className="text-rose-700 hover:bg-rose-50 dark:text-rose-400 dark:hover:bg-rose-950"
              loading={remove.isPending}
              onClick={() => {
                if (
                  window.confirm(
                    `Delete the key "${item.label}"? Bots using it move on to their next fallback candidate. This cannot be undone.`,
                  )
                )
                  remove.mutate({ providerKeyId: item.id });
              }}
            >
              Delete
            </Button>
          </div>
        ) : null}
      </div>

      <div className="mt-3 space-y-3 empty:hidden sm:pl-13">
        {test.isPending ? (
          <p className="text-sm text-slate-500" data-testid="key-test-result">
            Calling {look.name}…
          </p>
        ) : test.data ? (
          <TestResult result={test.data} />
        ) : test.error ? (
          <p data-testid="key-test-result" role="alert" className="text-sm text-rose-700 dark:text-rose-400">
            {messageOf(test.error)}
          </p>
        ) : null}
        {error ? <Alert>{messageOf(error)}</Alert> : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {panel === "rotate" ? (
          <RotateForm
            item={item}
            onDone={(masked) => {
              setPanel(null);
              setNotice(`Rotated: the key is now ${masked}. The old secret is no longer used.`);
              test.reset();
              refresh();
            }}
            onCancel={() => setPanel(null)}
          />
        ) : null}
        {panel === "edit" ? (
          <EditForm
            item={item}
            onDone={() => {
              setPanel(null);
              setNotice("Saved.");
              refresh();
            }}
            onCancel={() => setPanel(null)}
          />
        ) : null}
        {panel === "history" ? <History providerKeyId={item.id} /> : null}
      </div>
    </li>
  );
}

function LastTest({ item }: { item: ProviderKeyItem }) {
  if (!item.lastTestedAt) return <p className="mt-2 text-xs text-slate-500">Never tested.</p>;
  return (
    <p className="mt-2 flex items-start gap-1.5 text-xs text-slate-600 dark:text-slate-400" data-testid="key-last-test">
      {item.lastTestOk ? (
        <CheckCircle2 className="mt-px size-3.5 shrink-0 text-emerald-600 dark:text-emerald-400" aria-hidden />
      ) : (
        <XCircle className="mt-px size-3.5 shrink-0 text-rose-600 dark:text-rose-400" aria-hidden />
      )}
      <span>
        {item.lastTestOk
          ? `Last test ${formatRelative(item.lastTestedAt)}: ${item.lastTestMessage || "connected"}`
          : `Last test ${formatRelative(item.lastTestedAt)} failed${item.lastTestMessage ? `: ${item.lastTestMessage}` : "."}`}
      </span>
    </p>
  );
}

function TestResult({
  result,
}: {
  result: { ok: boolean; message: string; latencyMs: number | null; model: string | null };
}) {
  if (result.ok) {
    return (
      <p
        data-testid="key-test-result"
        role="status"
        className="flex items-center gap-2 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
      >
        <CheckCircle2 className="size-4 shrink-0" aria-hidden />
        <span>
          Connected: {result.model ? <span className="font-mono">{result.model}</span> : "the provider"} answered
          {result.latencyMs != null ? ` in ${result.latencyMs} ms` : ""}.
        </span>
      </p>
    );
  }
  return (
    <p
      data-testid="key-test-result"
      role="alert"
      className="flex items-start gap-2 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200"
    >
      <XCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>
        Not connected{result.model ? <> ({result.model})</> : null}: {result.message}
      </span>
    </p>
  );
}

function RotateForm({
  item,
  onDone,
  onCancel,
}: {
  item: ProviderKeyItem;
  onDone: (masked: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const rotate = useMutation(trpc.providerKeys.rotate.mutationOptions());
  const fields = fieldErrorsOf(rotate.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const secret = String(new FormData(form).get("secret") ?? "");
    rotate.mutate(
      { providerKeyId: item.id, secret },
      {
        onSuccess: (row) => {
          form.reset();
          onDone(row.masked ?? "keyless");
        },
      },
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200 dark:bg-slate-950 dark:ring-slate-800"
    >
      <TextField
        label={`New secret for ${item.label}`}
        name="secret"
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        required
        hint="Replaces the current secret at once. The history keeps only the last four characters."
        error={fields.secret}
      />
      <div className="flex gap-2">
        <Button type="submit" loading={rotate.isPending}>
          Replace secret
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {rotate.error && !fields.secret ? <Alert>{messageOf(rotate.error)}</Alert> : null}
    </form>
  );
}

function EditForm({ item, onDone, onCancel }: { item: ProviderKeyItem; onDone: () => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const update = useMutation(trpc.providerKeys.update.mutationOptions());
  const fields = fieldErrorsOf(update.error);
  const hasBaseUrl = item.provider === "openai-compatible" || item.provider === "custom";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate(
      {
        providerKeyId: item.id,
        label: String(form.get("label") ?? ""),
        models: parseModels(String(form.get("models") ?? "")),
        expiresAt: fromDateInput(String(form.get("expiresAt") ?? "")),
        ...(hasBaseUrl ? { baseUrl: String(form.get("baseUrl") ?? "").trim() } : {}),
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200 sm:grid-cols-2 dark:bg-slate-950 dark:ring-slate-800"
    >
      <TextField label="Label" name="label" defaultValue={item.label} error={fields.label} />
      <TextField
        label="Expires on"
        name="expiresAt"
        type="date"
        defaultValue={toDateInput(item.expiresAt)}
        hint="Leave empty for no expiry. You are warned before it; the key is refused after."
        error={fields.expiresAt}
      />
      {hasBaseUrl ? (
        <TextField
          label="Base URL"
          name="baseUrl"
          type="url"
          defaultValue={item.baseUrl ?? ""}
          className="sm:col-span-2"
          error={fields.baseUrl}
        />
      ) : null}
      <TextField
        label="Models"
        name="models"
        defaultValue={item.models.join(", ")}
        hint="Comma-separated, in order of preference."
        className="sm:col-span-2"
        error={fields.models}
      />
      {update.error && !Object.keys(fields).length ? (
        <div className="sm:col-span-2">
          <Alert>{messageOf(update.error)}</Alert>
        </div>
      ) : null}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" loading={update.isPending}>
          Save changes
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

const EVENT_TEXT: Record<string, string> = {
  created: "Added",
  rotated: "Secret rotated",
  updated: "Edited",
  disabled: "Disabled",
  enabled: "Enabled",
};

function History({ providerKeyId }: { providerKeyId: string }) {
  const trpc = useTRPC();
  const revisions = useQuery(trpc.providerKeys.revisions.queryOptions({ providerKeyId }));
  return (
    <div className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200 dark:bg-slate-950 dark:ring-slate-800">
      <p className="mb-2 text-xs font-medium text-slate-500 uppercase">History (no secrets kept)</p>
      {revisions.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
      {revisions.error ? <Alert>{messageOf(revisions.error)}</Alert> : null}
      {revisions.data?.length === 0 ? <p className="text-sm text-slate-500">No changes recorded.</p> : null}
      <ol className="space-y-1.5 text-sm">
        {revisions.data?.map((r) => (
          <li key={r.id} className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium">{EVENT_TEXT[r.event] ?? r.event}</span>
            <span className="font-mono text-xs text-slate-500">{r.masked ?? "no key"}</span>
            <span className="text-xs text-slate-500">
              {r.createdAt.toLocaleString()}
              {r.actor ? ` · ${r.actor.name || r.actor.email}` : ""}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
