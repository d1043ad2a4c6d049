"use client";
import { Alert, Badge, Button, Card, CardHeader, SelectField } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, Fragment, useState } from "react";
import { messageOf } from "@/lib/errors";
import { formatPrice, formatTokens } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { ProviderMark } from "./bits";
import { providerLook } from "./presets";
import type { CatalogueModel } from "./types";

interface Price {
  inputPerMillion: number;
  outputPerMillion: number;
}

const CAPABILITIES = [
  { key: "streaming", label: "streaming" },
  { key: "tools", label: "tools" },
  { key: "structuredOutput", label: "structured output" },
] as const;

function pick(price: Price): Price {
  return { inputPerMillion: price.inputPerMillion, outputPerMillion: price.outputPerMillion };
}

function overrideKey(m: { provider: string; id: string }) {
  return `${m.provider}:${m.id}`;
}

function formatCatalogueDate(date: string): string {
  const d = new Date(`${date}T00:00:00`);
  return Number.isNaN(d.getTime())
    ? date
    : d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" });
}

export function CatalogueSection({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalogue = useQuery(trpc.usage.catalogue.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
  const settings = useQuery(trpc.aiSettings.get.queryOptions(undefined, { enabled: canManage }));
  const [provider, setProvider] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const update = useMutation(
    trpc.aiSettings.update.mutationOptions({
      onSuccess: () => {
        setEditing(null);
        void queryClient.invalidateQueries({ queryKey: trpc.aiSettings.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.usage.catalogue.queryKey() });
      },
    }),
  );
  const overrides: Record<string, Price> = settings.data?.priceOverrides ?? {};
  const models = catalogue.data?.models ?? [];
  const providers = [...new Set(models.map((m) => m.provider))];
  const shown = provider ? models.filter((m) => m.provider === provider) : models;
  const overrideCount = models.filter((m) => m.overridden).length + (catalogue.data?.extraPrices.length ?? 0);

  function saveOverride(model: CatalogueModel, price: Price | null) {
    const next = { ...overrides };
    if (price) next[overrideKey(model)] = price;
    else delete next[overrideKey(model)];
    update.mutate({ priceOverrides: next });
  }

  return (
    <Card id="catalogue" className="scroll-mt-20">
      <CardHeader
        title="Model catalogue"
        description={
          catalogue.data
            ? `Prices as of ${formatCatalogueDate(catalogue.data.date)}, in USD per million tokens.${
                overrideCount
                  ? ` ${overrideCount} price${overrideCount === 1 ? "" : "s"} overridden for your organization.`
                  : ""
              }`
            : "Context windows, prices and capabilities."
        }
        actions={
          providers.length > 1 ? (
            <SelectField label="Provider" value={provider} onChange={(e) => setProvider(e.target.value)}>
              <option value="">All providers</option>
              {providers.map((p) => (
                <option key={p} value={p}>
                  {providerLook(p).name}
                </option>
              ))}
            </SelectField>
          ) : null
        }
      />
      {update.error ? (
        <div className="px-5 pt-4">
          <Alert>{messageOf(update.error)}</Alert>
        </div>
      ) : null}
      {catalogue.isPending ? <p className="p-5 text-sm text-slate-500">Loading…</p> : null}
      {catalogue.error ? (
        <div className="p-5">
          <Alert>{messageOf(catalogue.error)}</Alert>
        </div>
      ) : null}
      {shown.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="catalogue-table">
            <thead className="text-xs text-slate-500 uppercase dark:text-slate-400">
              <tr>
                <th className="px-5 py-2 font-medium">Model</th>
                <th className="px-3 py-2 text-right font-medium">Context</th>
                <th className="px-3 py-2 text-right font-medium">Input</th>
                <th className="px-3 py-2 text-right font-medium">Output</th>
                <th className="px-3 py-2 font-medium">Capabilities</th>
                {canManage ? (
                  <th className="px-5 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {shown.map((m) => {
                const key = overrideKey(m);
                const override = m.overridden ? m : null;
                return (
                  <Fragment key={key}>
                    <tr className={override ? "bg-amber-50/60 dark:bg-amber-950/30" : undefined}>
                      <td className="px-5 py-2.5">
                        <div className="flex items-center gap-2.5">
                          <ProviderMark provider={m.provider} size="sm" />
                          <div className="min-w-0">
                            <p className="flex items-center gap-1.5 font-medium">
                              {m.label}
                              {override ? <Badge tone="amber">override</Badge> : null}
                            </p>
                            <p className="font-mono text-xs text-slate-500 dark:text-slate-400">{m.id}</p>
                          </div>
                        </div>
                      </td>
                      <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">
                        {formatTokens(m.contextWindow)}
                      </td>
                      <PriceCell catalogue={m.cataloguePrice.inputPerMillion} override={override?.inputPerMillion} />
                      <PriceCell catalogue={m.cataloguePrice.outputPerMillion} override={override?.outputPerMillion} />
                      <td className="px-3 py-2.5">
                        <div className="flex flex-wrap gap-1">
                          {CAPABILITIES.filter((c) => m.capabilities[c.key]).map((c) => (
                            <Badge key={c.key}>{c.label}</Badge>
                          ))}
                        </div>
                      </td>
                      {canManage ? (
                        <td className="px-5 py-2.5 text-right whitespace-nowrap">
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-expanded={editing === key}
                            onClick={() => setEditing(editing === key ? null : key)}
                          >
                            {override ? "Edit price" : "Override"}
                          </Button>
                        </td>
                      ) : null}
                    </tr>
                    {editing === key ? (
                      <tr>
                        <td colSpan={canManage ? 6 : 5} className="bg-slate-50 px-5 py-3 dark:bg-slate-950">
                          <OverrideForm
                            model={m}
                            current={override ? pick(override) : null}
                            pending={update.isPending}
                            onSave={(price) => saveOverride(m, price)}
                            onCancel={() => setEditing(null)}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {catalogue.data?.extraPrices.length ? (
        <div className="border-t border-slate-200 px-5 py-3 text-sm dark:border-slate-800">
          <p className="mb-1 text-xs font-medium text-slate-500 uppercase dark:text-slate-400">
            Your prices for models outside the catalogue
          </p>
          <ul className="space-y-0.5">
            {catalogue.data.extraPrices.map((p) => (
              <li key={`${p.provider}:${p.model}`} className="flex flex-wrap items-center gap-2">
                <ProviderMark provider={p.provider} size="sm" />
                <span className="font-mono text-xs">{p.model}</span>
                <Badge tone="amber">override</Badge>
                <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
                  {formatPrice(p.inputPerMillion)} in · {formatPrice(p.outputPerMillion)} out
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="border-t border-slate-200 px-5 py-3 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
        Models not in the catalogue (local or other OpenAI-compatible servers) are counted at $0. Overrides apply to
        this organization's usage from the moment they are saved.
      </p>
    </Card>
  );
}

function PriceCell({ catalogue, override }: { catalogue: number; override?: number }) {
  return (
    <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">
      {override != null ? (
        <>
          <span className="font-medium text-amber-800 dark:text-amber-300">{formatPrice(override)}</span>
          <span className="block text-xs text-slate-400 line-through">{formatPrice(catalogue)}</span>
        </>
      ) : (
        formatPrice(catalogue)
      )}
    </td>
  );
}

function OverrideForm({
  model,
  current,
  pending,
  onSave,
  onCancel,
}: {
  model: CatalogueModel;
  current: Price | null;
  pending: boolean;
  onSave: (price: Price | null) => void;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = Number(form.get("input"));
    const output = Number(form.get("output"));
    if (!Number.isFinite(input) || !Number.isFinite(output) || input < 0 || output < 0) {
      setError("Prices are dollars per million tokens, zero or more.");
      return;
    }
    onSave({ inputPerMillion: input, outputPerMillion: output });
  }
  const inputClass =
    "h-8 w-28 rounded-md border-0 bg-white px-2 text-right text-sm tabular-nums ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-500 focus:outline-none dark:bg-slate-900 dark:ring-slate-700";
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-center gap-3 text-sm">
      <span className="font-medium">Your price for {model.label}:</span>
      <label className="flex items-center gap-1.5">
        Input $
        <input
          name="input"
          type="number"
          min={0}
          step="any"
          defaultValue={current?.inputPerMillion ?? model.cataloguePrice.inputPerMillion}
          className={inputClass}
          aria-label={`Input price per million tokens for ${model.label}`}
        />
      </label>
      <label className="flex items-center gap-1.5">
        Output $
        <input
          name="output"
          type="number"
          min={0}
          step="any"
          defaultValue={current?.outputPerMillion ?? model.cataloguePrice.outputPerMillion}
          className={inputClass}
          aria-label={`Output price per million tokens for ${model.label}`}
        />
      </label>
      <span className="text-xs text-slate-500">per 1M tokens</span>
      <div className="flex gap-1">
        <Button type="submit" size="sm" loading={pending}>
          Save price
        </Button>
        {current ? (
          <Button size="sm" variant="ghost" onClick={() => onSave(null)}>
            Use catalogue price
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {error ? (
        <p role="alert" className="w-full text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
