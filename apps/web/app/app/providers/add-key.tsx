"use client";
import { Alert, Button, Card, CardHeader, cn, SelectField, TextField } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { fromDateInput } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { ProviderMark, TextAreaField } from "./bits";
import { PRESETS, parseHeaders, parseModels, presetById } from "./presets";

const OLLAMA_BASE_URL = "http://127.0.0.1:11434/v1";

export function AddKeyForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalogue = useQuery(trpc.usage.catalogue.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
  const [presetId, setPresetId] = useState("openai");
  const [baseUrl, setBaseUrl] = useState("");
  const [models, setModels] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const create = useMutation(
    trpc.providerKeys.create.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.providerKeys.pathKey() }),
    }),
  );
  const preset = presetById(presetId);
  const showBaseUrl = preset.provider === "openai-compatible" || preset.provider === "custom";
  const chosen = parseModels(models);
  const suggestions =
    preset.provider === "openai-compatible" || preset.provider === "custom"
      ? (preset.models ?? [])
      : (catalogue.data?.models.filter((m) => m.provider === preset.provider).map((m) => m.id) ?? []);
  const fields = fieldErrorsOf(create.error);
  const unplaced =
    create.error && !["label", "secret", "baseUrl", "models", "expiresAt", "headers"].some((f) => fields[f]);

  function choosePreset(id: string) {
    const next = presetById(id);
    setPresetId(id);
    setBaseUrl(next.baseUrl ?? "");
    setModels("");
    setAdded(null);
    create.reset();
  }

  function toggleModel(id: string) {
    setModels((current) => {
      const list = parseModels(current);
      return (list.includes(id) ? list.filter((m) => m !== id) : [...list, id]).join(", ");
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const label = String(data.get("label") ?? "").trim() || (preset.keyLabel ?? preset.label);
    // The secret goes straight from the form to the server: never kept in state, never sent back.
    const secret = String(data.get("secret") ?? "").trim();
    const expiresAt = fromDateInput(String(data.get("expiresAt") ?? ""));
    const common = { label, models: chosen, expiresAt };
    setAdded(null);
    const input =
      preset.provider === "openai-compatible"
        ? {
            ...common,
            provider: preset.provider,
            preset: preset.presetId ?? null,
            secret: secret || null,
            baseUrl: baseUrl.trim(),
          }
        : preset.provider === "custom"
          ? {
              ...common,
              provider: preset.provider,
              secret: secret || null,
              baseUrl: baseUrl.trim(),
              headers: parseHeaders(String(data.get("headers") ?? "")),
            }
          : { ...common, provider: preset.provider, secret };
    create.mutate(input, {
      onSuccess: () => {
        form.reset();
        setModels("");
        setAdded(label);
      },
    });
  }

  return (
    <Card id="add-key" className="scroll-mt-20">
      <CardHeader
        title="Add a key"
        description="Your key is encrypted before it is stored and is never shown again, here or in any response."
      />
      <form onSubmit={onSubmit} noValidate className="grid gap-4 p-5 sm:grid-cols-2" aria-label="Add a key">
        <SelectField label="Provider" name="preset" value={presetId} onChange={(e) => choosePreset(e.target.value)}>
          {PRESETS.filter((p) => !p.group).map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          <optgroup label="OpenAI-compatible">
            {PRESETS.filter((p) => p.group === "compatible").map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <TextField
          label="Label"
          name="label"
          placeholder={`${preset.keyLabel ?? preset.label}${preset.group || preset.provider === "custom" ? "" : " production"}`}
          maxLength={80}
          error={fields.label}
        />
        <TextField
          label={preset.keyOptional ? "API key (optional for a local server)" : "API key"}
          name="secret"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          placeholder={preset.keyOptional ? "Leave empty if the server needs none" : "Paste the secret key"}
          error={fields.secret}
        />
        <TextField
          label="Expires on (optional)"
          name="expiresAt"
          type="date"
          hint="You are warned before it; the key is refused after."
          error={fields.expiresAt}
        />
        {showBaseUrl ? (
          <TextField
            label="Base URL"
            name="baseUrl"
            type="url"
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
            placeholder="https://llm.example.com/v1"
            hint={
              preset.provider === "custom"
                ? "The server's API root; requests go to …/chat/completions."
                : "The server's OpenAI-compatible root, usually ending in /v1."
            }
            className="sm:col-span-2"
            error={fields.baseUrl}
          />
        ) : null}
        {preset.provider === "custom" ? (
          <TextAreaField
            label="Extra headers (optional)"
            name="headers"
            rows={3}
            placeholder={"X-Org-Id: acme\nX-Env: production"}
            hint="One per line, as Name: value. Stored encrypted with the key."
            mono
            className="sm:col-span-2"
            error={fields.headers}
          />
        ) : null}
        <div className="space-y-2 sm:col-span-2">
          <TextField
            label="Models"
            name="models"
            value={models}
            onChange={(e) => setModels(e.target.value)}
            placeholder={suggestions.slice(0, 2).join(", ") || "model-id, other-model-id"}
            hint="Comma-separated, in order of preference. The first is used when a step names no model."
            error={fields.models}
          />
          {suggestions.length ? (
            <div className="flex flex-wrap items-center gap-1.5" data-testid="model-suggestions">
              <span className="text-xs text-slate-500 dark:text-slate-400">Suggestions:</span>
              {suggestions.map((id) => {
                const on = chosen.includes(id);
                return (
                  <button
                    key={id}
                    type="button"
                    aria-pressed={on}
                    onClick={() => toggleModel(id)}
                    className={cn(
                      "inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-mono text-xs ring-1 ring-inset transition-colors",
                      on
                        ? "bg-indigo-50 text-indigo-700 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-300 dark:ring-indigo-700"
                        : "text-slate-600 ring-slate-300 hover:bg-slate-100 dark:text-slate-300 dark:ring-slate-700 dark:hover:bg-slate-800",
                    )}
                  >
                    {on ? <Check className="size-3" aria-hidden /> : <Plus className="size-3" aria-hidden />}
                    {id}
                  </button>
                );
              })}
            </div>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit" loading={create.isPending}>
            Add key
          </Button>
          {added ? (
            <span className="text-sm text-emerald-700 dark:text-emerald-400" role="status">
              Added “{added}”. Use Test to check the connection.
            </span>
          ) : null}
        </div>
        {unplaced ? (
          <div className="sm:col-span-2">
            <Alert>{messageOf(create.error)}</Alert>
          </div>
        ) : null}
      </form>
    </Card>
  );
}

/** Offered when an Ollama answers on this machine and none of the keys points at it yet. */
export function LocalOllamaOffer({ alreadyAdded }: { alreadyAdded: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ollama = useQuery(
    trpc.providerKeys.localOllama.queryOptions(undefined, { staleTime: 60_000, retry: false, enabled: !alreadyAdded }),
  );
  const create = useMutation(
    trpc.providerKeys.create.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.providerKeys.pathKey() }),
    }),
  );
  if (alreadyAdded || !ollama.data?.available || ollama.data.providerKeyId) return null;
  const models = ollama.data.models;
  return (
    <Card className="border-emerald-300 dark:border-emerald-800" data-testid="local-ollama">
      <div className="flex flex-wrap items-center gap-4 p-5">
        <ProviderMark provider="openai-compatible" />
        <div className="min-w-[14rem] flex-1">
          <p className="text-sm font-semibold">Local Ollama found at 127.0.0.1:11434</p>
          <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
            {models.length
              ? `${models.length} model${models.length === 1 ? "" : "s"} installed: ${models.slice(0, 6).join(", ")}${models.length > 6 ? "…" : ""}.`
              : "No models pulled yet: run “ollama pull llama3.2” first."}{" "}
            It runs on this machine, so no key is needed.
          </p>
          {create.error ? (
            <div className="mt-2">
              <Alert>{messageOf(create.error)}</Alert>
            </div>
          ) : null}
        </div>
        <Button
          loading={create.isPending}
          disabled={models.length === 0}
          onClick={() =>
            create.mutate({
              provider: "openai-compatible",
              label: "Local Ollama",
              preset: "ollama",
              baseUrl: ollama.data?.baseUrl ?? OLLAMA_BASE_URL,
              models,
            })
          }
        >
          Add local Ollama
        </Button>
      </div>
    </Card>
  );
}

export { OLLAMA_BASE_URL };
