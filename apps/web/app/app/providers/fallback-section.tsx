"use client";
import { Alert, Badge, Button, Card, CardHeader, SelectField, TextField } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, X } from "lucide-react";
import { type ReactNode, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { ProviderMark } from "./bits";
import type { ProviderKeyItem } from "./types";

interface Candidate {
  providerKeyId: string;
  model: string;
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

export function FallbackSection({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.aiSettings.get.queryOptions());
  const keys = useQuery(trpc.providerKeys.list.queryOptions());
  const catalogue = useQuery(trpc.usage.catalogue.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
  // null = showing what is saved; an edit starts a draft, saving clears it.
  const [draft, setDraft] = useState<Candidate[] | null>(null);
  const [cooldown, setCooldown] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [addKey, setAddKey] = useState("");
  const [addModel, setAddModel] = useState("");
  const update = useMutation(
    trpc.aiSettings.update.mutationOptions({
      onSuccess: () => {
        setDraft(null);
        setCooldown(null);
        setSaved(true);
        void queryClient.invalidateQueries({ queryKey: trpc.aiSettings.pathKey() });
      },
    }),
  );

  const saved_ = settings.data;
  const list: Candidate[] =
    draft ?? saved_?.fallback.map((f) => ({ providerKeyId: f.providerKeyId, model: f.model })) ?? [];
  const cooldownValue = cooldown ?? String(saved_?.cooldownSeconds ?? 60);
  const dirty = draft !== null || cooldown !== null;
  const keyById = new Map((keys.data ?? []).map((k) => [k.id, k]));
  const fields = fieldErrorsOf(update.error);

  function edit(next: Candidate[]) {
    setSaved(false);
    setDraft(next);
  }

  const chosenKey = keyById.get(addKey);
  const modelOptions = chosenKey ? modelsFor(chosenKey, catalogue.data?.models ?? []) : { own: [], catalogue: [] };
  const freeText = chosenKey && modelOptions.own.length === 0 && modelOptions.catalogue.length === 0;
  const duplicate = list.some((c) => c.providerKeyId === addKey && c.model === addModel.trim());

  return (
    <Card id="fallback" className="scroll-mt-20">
      <CardHeader
        title="Fallback order"
        description="The organization's default for every bot; a bot can set its own list."
      />
      <div className="space-y-4 p-5">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each answer tries these candidates top to bottom. A failure <strong>before the first token</strong> — rate
          limit (429), server error (5xx), timeout, network error or a refused key — moves on to the next candidate, and
          the failed key rests for the cooldown below. A failure after the first token is not retried: the answer is
          saved as partial and the visitor is told.
        </p>

        {list.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500 dark:border-slate-700">
            No fallback order yet: calls use the first active key and its first model.
          </p>
        ) : (
          <ol className="space-y-2" data-testid="fallback-list">
            {list.map((c, i) => {
              const key = keyById.get(c.providerKeyId);
              return (
                <li
                  key={`${c.providerKeyId}:${c.model}`}
                  className="flex flex-wrap items-center gap-3 rounded-lg px-3 py-2 ring-1 ring-slate-200 dark:ring-slate-800"
                >
                  <span className="grid size-6 place-items-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                    {i + 1}
                  </span>
                  {key ? <ProviderMark provider={key.provider} size="sm" /> : null}
                  <div className="min-w-0 flex-1 text-sm">
                    <span className="font-medium">{key?.label ?? "Deleted key"}</span>
                    <span className="text-slate-400"> · </span>
                    <span className="font-mono text-xs">{c.model}</span>
                  </div>
                  {!key ? (
                    <Badge tone="red">key deleted — skipped</Badge>
                  ) : key.expired ? (
                    <Badge tone="red">expired — skipped</Badge>
                  ) : key.disabled ? (
                    <Badge>disabled — skipped</Badge>
                  ) : null}
                  {canManage ? (
                    <div className="flex items-center">
                      <IconButton
                        label={`Move ${c.model} up`}
                        disabled={i === 0}
                        onClick={() => edit(move(list, i, i - 1))}
                      >
                        <ArrowUp className="size-4" aria-hidden />
                      </IconButton>
                      <IconButton
                        label={`Move ${c.model} down`}
                        disabled={i === list.length - 1}
                        onClick={() => edit(move(list, i, i + 1))}
                      >
                        <ArrowDown className="size-4" aria-hidden />
                      </IconButton>
                      <IconButton label={`Remove ${c.model}`} onClick={() => edit(list.filter((_, j) => j !== i))}>
                        <X className="size-4" aria-hidden />
                      </IconButton>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}

        {canManage ? (
          <>
            {keys.data?.length ? (
              <div className="grid gap-3 rounded-lg bg-slate-50 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end dark:bg-slate-950">
                <SelectField
                  label="Key"
                  value={addKey}
                  onChange={(e) => {
                    setAddKey(e.target.value);
                    const k = keyById.get(e.target.value);
                    setAddModel(k ? (modelsFor(k, catalogue.data?.models ?? []).own[0] ?? "") : "");
                  }}
                >
                  <option value="">Choose a key…</option>
                  {keys.data.map((k) => (
                    <option key={k.id} value={k.id}>
                      {k.label}
                      {k.disabled ? " (disabled)" : k.expired ? " (expired)" : ""}
                    </option>
                  ))}
                </SelectField>
                {freeText ? (
                  <TextField
                    label="Model"
                    value={addModel}
                    onChange={(e) => setAddModel(e.target.value)}
                    placeholder="model-id"
                  />
                ) : (
                  <SelectField
                    label="Model"
                    value={addModel}
                    disabled={!chosenKey}
                    onChange={(e) => setAddModel(e.target.value)}
                  >
                    <option value="">{chosenKey ? "Choose a model…" : "Choose a key first"}</option>
                    {modelOptions.own.length ? (
                      <optgroup label="This key's models">
                        {modelOptions.own.map((m) => (
                          <option key={m} value={m}>
                            {m}
                          </option>
                        ))}
                      </optgroup>
                    ) : null}
                    {modelOptions.catalogue.length ? (
                      <optgroup label="Catalogue">
                        {modelOptions.catalogue.map((m) => (
                          <option key={m} value={m}>
                            {m}
                          </option>
                        ))}
                      </optgroup>
                    ) : null}
                  </SelectField>
                )}
                <Button
                  variant="secondary"
                  disabled={!addKey || !addModel.trim() || duplicate}
                  title={duplicate ? "Already in the list" : undefined}
                  onClick={() => {
                    edit([...list, { providerKeyId: addKey, model: addModel.trim() }]);
                    setAddModel("");
                  }}
                >
                  Add candidate
                </Button>
              </div>
            ) : (
              <p className="text-sm text-slate-500">Add a key above to build a fallback order.</p>
            )}
            <TextField
              label="Cooldown after a failure (seconds)"
              type="number"
              min={5}
              max={86_400}
              step={1}
              inputMode="numeric"
              value={cooldownValue}
              onChange={(e) => {
                setSaved(false);
                setCooldown(e.target.value);
              }}
              hint="A failing key is skipped by every instance for this long (5 s to 24 h)."
              className="max-w-md"
              error={fields.cooldownSeconds}
            />
            <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
              <Button
                loading={update.isPending}
                disabled={!dirty}
                onClick={() => update.mutate({ fallback: list, cooldownSeconds: Number(cooldownValue) })}
              >
                Save fallback order
              </Button>
              {dirty ? (
                <>
                  <Button
                    variant="ghost"
                    onClick={() => {
                      setDraft(null);
                      setCooldown(null);
                      update.reset();
                    }}
                  >
                    Discard changes
                  </Button>
                  <span className="text-sm text-amber-700 dark:text-amber-400">Unsaved changes</span>
                </>
              ) : null}
              {saved && !dirty ? (
                <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
                  Saved.
                </span>
              ) : null}
            </div>
            {update.error && !fields.cooldownSeconds ? <Alert>{messageOf(update.error)}</Alert> : null}
          </>
        ) : (
          <p className="text-sm text-slate-500">Cooldown after a failure: {cooldownValue} seconds.</p>
        )}
      </div>
    </Card>
  );
}

function modelsFor(key: ProviderKeyItem, catalogue: { provider: string; id: string }[]) {
  const own = key.models;
  const fromCatalogue = catalogue.filter((m) => m.provider === key.provider && !own.includes(m.id)).map((m) => m.id);
  return { own, catalogue: fromCatalogue };
}

function IconButton({
  label,
  children,
  disabled,
  onClick,
}: {
  label: string;
  children: ReactNode;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-30 disabled:hover:bg-transparent dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
    >
      {children}
    </button>
  );
}
