"use client";
import { Alert, Badge, Button, Card, CardHeader, SelectField, TextField } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

export function ApiTokens() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const org = useQuery(trpc.organization.current.queryOptions());
  const canUse = org.data ? org.data.role !== "viewer" : false;
  const tokens = useQuery(trpc.apiTokens.list.queryOptions(undefined, { enabled: canUse }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.apiTokens.pathKey() });
  const create = useMutation(trpc.apiTokens.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.apiTokens.revoke.mutationOptions({ onSettled: refresh }));

  if (org.data && !canUse) {
    return <Alert tone="info">Viewers cannot create API tokens. Ask an admin for the editor role.</Alert>;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = String(form.get("expires") ?? "90");
    create.mutate({ name: String(form.get("name") ?? ""), expiresInDays: days === "never" ? null : Number(days) });
  }

  const fields = fieldErrorsOf(create.error);
  return (
    <>
      <Card>
        <CardHeader
          title="Create a personal API token"
          description={
            <>
              Use it as <code className="font-mono text-xs">Authorization: Bearer …</code>. It acts as you, in this
              organization only.
            </>
          }
        />
        <form onSubmit={onSubmit} className="grid gap-3 p-5 sm:grid-cols-[1fr_10rem_auto] sm:items-end" noValidate>
          <TextField label="Token name" name="name" placeholder="CI deploys" error={fields.name} />
          <SelectField label="Expires" name="expires" defaultValue="90">
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="never">never</option>
          </SelectField>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </form>
        <div className="px-5 pb-5">
          {create.error && !fields.name ? <Alert>{messageOf(create.error)}</Alert> : null}
          {create.data ? (
            <Alert tone="success">
              <p>Copy your new token now. It will not be shown again.</p>
              <input
                readOnly
                aria-label="New API token"
                data-testid="new-api-token"
                value={create.data.token}
                onFocus={(e) => e.currentTarget.select()}
                className="mt-2 w-full rounded-md bg-white px-2 py-1 font-mono text-xs text-slate-800 ring-1 ring-emerald-300 dark:bg-slate-900 dark:text-slate-200"
              />
            </Alert>
          ) : null}
        </div>
      </Card>
      <Card>
        <CardHeader title="Your tokens" />
        {revoke.error ? (
          <div className="px-5 pt-4">
            <Alert>{messageOf(revoke.error)}</Alert>
          </div>
        ) : null}
        {tokens.data?.length === 0 ? <p className="p-5 text-sm text-slate-500">No tokens yet.</p> : null}
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="token-list">
          {tokens.data?.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-3 px-5 py-3">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium">{t.name}</p>
                <p className="font-mono text-xs text-slate-500">{t.masked}</p>
                <p className="text-xs text-slate-500">
                  Created {t.createdAt.toLocaleDateString()} ·{" "}
                  {t.lastUsedAt ? `last used ${t.lastUsedAt.toLocaleString()}` : "never used"}
                  {t.expiresAt ? ` · expires ${t.expiresAt.toLocaleDateString()}` : " · no expiry"}
                </p>
              </div>
              <Badge tone={t.status === "active" ? "green" : t.status === "expired" ? "amber" : "red"}>
                {t.status}
              </Badge>
              {t.status === "active" ? (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    if (window.confirm(`Revoke "${t.name}"? Anything using it stops working.`))
                      revoke.mutate({ tokenId: t.id });
                  }}
                >
                  Revoke
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
