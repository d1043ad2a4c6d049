"use client";
import { Alert, Badge, Button, Card, CardHeader, SelectField, TextField } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { formatUsd } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { SpendBar, Switch } from "./bits";
import type { Budget } from "./types";

const DAY_MS = 86_400_000;

/**
 * Bots a budget can name. There is no bot list yet (bots arrive with the flow designer), so these are the
 * bots that have spent in the last 90 days — real bots with real ids; none means the bot scope is not offered.
 */
function useBudgetableBots(): { id: string; name: string }[] {
  const trpc = useTRPC();
  const [range] = useState(() => {
    const to = new Date();
    return { from: new Date(to.getTime() - 89 * DAY_MS), to };
  });
  const usage = useQuery(trpc.usage.summary.queryOptions(range, { staleTime: 60_000 }));
  return (usage.data?.byBot ?? []).flatMap((b) => (b.botId ? [{ id: b.botId, name: b.botName }] : []));
}

type Scope = Budget["scope"];

const SCOPE_LABEL: Record<Scope, string> = {
  organization: "Organization",
  bot: "Bot",
  provider_key: "Key",
};

const STATE_BADGE: Record<Budget["state"], { tone: "green" | "amber" | "red"; text: string }> = {
  ok: { tone: "green", text: "within budget" },
  soft: { tone: "amber", text: "past soft limit" },
  over: { tone: "red", text: "over the limit" },
  stopped: { tone: "red", text: "stopped" },
};

function monthName(month: string): string {
  const [y, m] = month.split("-").map(Number);
  if (!y || !m) return month;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

export function BudgetsSection({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const org = useQuery(trpc.organization.current.queryOptions());
  const budgets = useQuery(trpc.budgets.list.queryOptions());
  const keys = useQuery(trpc.providerKeys.list.queryOptions());
  const bots = useBudgetableBots();
  const [editing, setEditing] = useState<Budget | "new" | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.budgets.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.usage.budgetStatus.queryKey() });
  };
  const remove = useMutation(trpc.budgets.delete.mutationOptions({ onSettled: refresh }));
  const list = budgets.data ?? [];
  const month = list[0]?.month;

  return (
    <Card id="budgets" className="scroll-mt-20">
      <CardHeader
        title="Budgets"
        description={
          month ? `Monthly limits; spend so far in ${monthName(month)} (UTC).` : "Monthly limits, reset each UTC month."
        }
        actions={
          canManage && editing === null ? (
            <Button size="sm" variant="secondary" onClick={() => setEditing("new")}>
              Add a budget
            </Button>
          ) : null
        }
      />
      <p className="px-5 pt-4 text-sm text-slate-600 dark:text-slate-400">
        Past the <strong>soft limit</strong> you get a banner, an audit entry and your alert webhook. At the limit, a{" "}
        <strong>hard stop</strong> answers with your unavailable message instead of calling any provider.
      </p>
      {remove.error ? (
        <div className="px-5 pt-4">
          <Alert>{messageOf(remove.error)}</Alert>
        </div>
      ) : null}
      {budgets.isPending ? <p className="p-5 text-sm text-slate-500">Loading…</p> : null}
      {budgets.error ? (
        <div className="p-5">
          <Alert>{messageOf(budgets.error)}</Alert>
        </div>
      ) : null}
      {budgets.data?.length === 0 && editing === null ? (
        <p className="px-5 py-4 text-sm text-slate-500">
          No budgets yet: spending is not limited. Set one for the whole organization, a bot or a key.
        </p>
      ) : null}
      {list.length ? (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="budget-list">
          {list.map((b) => {
            const badge = STATE_BADGE[b.state];
            return (
              <li key={b.id} className="space-y-2 px-5 py-4" data-testid="budget">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Badge tone="indigo">{SCOPE_LABEL[b.scope]}</Badge>
                  <p className="min-w-0 flex-1 truncate text-sm font-medium">
                    {b.scopeName ?? <span className="text-slate-500">(deleted)</span>}
                  </p>
                  <p className="text-sm tabular-nums">
                    <span className="font-semibold">{formatUsd(b.spentUsd)}</span>
                    <span className="text-slate-500 dark:text-slate-400">
                      {" "}
                      of {formatUsd(b.monthlyLimitUsd, "short")}
                    </span>
                  </p>
                  <Badge tone={badge.tone}>{badge.text}</Badge>
                  {canManage ? (
                    <div className="flex gap-1">
                      <Button size="sm" variant="ghost" onClick={() => setEditing(b)}>
                        Edit
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        loading={remove.isPending && remove.variables?.budgetId === b.id}
                        onClick={() => {
                          if (
                            window.confirm(
                              `Remove the ${SCOPE_LABEL[b.scope].toLowerCase()} budget "${b.scopeName ?? ""}"?`,
                            )
                          )
                            remove.mutate({ budgetId: b.id });
                        }}
                      >
                        Remove
                      </Button>
                    </div>
                  ) : null}
                </div>
                <SpendBar
                  percent={b.percent}
                  softPercent={b.softLimitPercent}
                  label={`${b.scopeName ?? SCOPE_LABEL[b.scope]} budget used`}
                />
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {Math.round(b.percent)}% used · soft limit at {b.softLimitPercent}% (
                  {formatUsd((b.monthlyLimitUsd * b.softLimitPercent) / 100)}) ·{" "}
                  {b.hardStop ? "hard stop at the limit" : "alerts only, no hard stop"}
                  {b.alertedThisMonth ? " · alert sent this month" : ""}
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
      {canManage && editing !== null && org.data ? (
        <BudgetForm
          key={editing === "new" ? "new" : editing.id}
          existing={editing === "new" ? null : editing}
          organization={{ id: org.data.id, name: org.data.name }}
          keys={(keys.data ?? []).map((k) => ({ id: k.id, name: k.label }))}
          bots={bots}
          taken={list}
          onDone={() => {
            setEditing(null);
            refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

interface Target {
  id: string;
  name: string;
}

function BudgetForm({
  existing,
  organization,
  keys,
  bots,
  taken,
  onDone,
  onCancel,
}: {
  existing: Budget | null;
  organization: Target;
  keys: Target[];
  bots: Target[];
  taken: Budget[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const upsert = useMutation(trpc.budgets.upsert.mutationOptions({ onSuccess: onDone }));
  const hasOrgBudget = taken.some((b) => b.scope === "organization");
  const [scope, setScope] = useState<Scope>(existing?.scope ?? (hasOrgBudget ? "provider_key" : "organization"));
  const targets = scope === "bot" ? bots : scope === "provider_key" ? keys : [organization];
  const free = existing ? targets : targets.filter((t) => !taken.some((b) => b.scope === scope && b.scopeId === t.id));
  const [scopeId, setScopeId] = useState(existing?.scopeId ?? free[0]?.id ?? "");
  const fields = fieldErrorsOf(upsert.error);

  function changeScope(next: Scope) {
    setScope(next);
    const options = next === "bot" ? bots : next === "provider_key" ? keys : [organization];
    setScopeId(options.find((t) => !taken.some((b) => b.scope === next && b.scopeId === t.id))?.id ?? "");
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    upsert.mutate({
      scope,
      scopeId: scope === "organization" ? organization.id : scopeId,
      monthlyLimitUsd: Number(form.get("monthlyLimitUsd")),
      softLimitPercent: Number(form.get("softLimitPercent")),
      hardStop: form.get("hardStop") === "on",
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={existing ? "Edit budget" : "Add a budget"}
      className="grid gap-4 border-t border-slate-200 bg-slate-50 p-5 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800 dark:bg-slate-950"
    >
      <SelectField
        label="Applies to"
        value={scope}
        disabled={Boolean(existing)}
        onChange={(e) => changeScope(e.target.value as Scope)}
      >
        <option value="organization">The whole organization</option>
        {/* Only offered when there is something to limit: no invented bots or keys. */}
        {bots.length || existing?.scope === "bot" ? <option value="bot">A bot</option> : null}
        {keys.length || existing?.scope === "provider_key" ? <option value="provider_key">A key</option> : null}
      </SelectField>
      {scope === "organization" ? (
        <TextField label="Organization" value={organization.name} readOnly disabled />
      ) : (
        <SelectField
          label={scope === "bot" ? "Bot" : "Key"}
          value={scopeId}
          disabled={Boolean(existing)}
          onChange={(e) => setScopeId(e.target.value)}
          error={fields.scopeId}
        >
          {free.length === 0 ? <option value="">All already have a budget</option> : null}
          {(existing ? targets : free).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label="Monthly limit (USD)"
        name="monthlyLimitUsd"
        type="number"
        min={0.01}
        step={0.01}
        inputMode="decimal"
        defaultValue={existing?.monthlyLimitUsd ?? ""}
        placeholder="50"
        error={fields.monthlyLimitUsd}
      />
      <TextField
        label="Soft limit (%)"
        name="softLimitPercent"
        type="number"
        min={1}
        max={100}
        step={1}
        defaultValue={existing?.softLimitPercent ?? 80}
        error={fields.softLimitPercent}
      />
      <Switch
        name="hardStop"
        label="Hard stop at the limit"
        defaultChecked={existing?.hardStop ?? true}
        hint="No provider is called until next month or a higher limit; visitors get the unavailable message."
        className="sm:col-span-2 lg:col-span-4"
      />
      {upsert.error && !Object.keys(fields).length ? (
        <div className="sm:col-span-2 lg:col-span-4">
          <Alert>{messageOf(upsert.error)}</Alert>
        </div>
      ) : null}
      <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" loading={upsert.isPending} disabled={scope !== "organization" && !scopeId}>
          Save budget
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
