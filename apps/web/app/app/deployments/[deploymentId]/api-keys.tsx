"use client";
import { Alert, Badge, Button, Card, CardHeader, TextField } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { CopyButton } from "../bits";
import type { DeploymentDetail, DeploymentKey } from "../types";

/** The deployment's API keys: create (the token is shown once, here), list without secrets, revoke. */
export function ApiKeysCard({ deployment, canEdit }: { deployment: DeploymentDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.deployments.listKeys.queryOptions({ deploymentId: deployment.id }));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.deployments.listKeys.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.deployments.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.deployments.get.queryKey({ deploymentId: deployment.id }) });
  };
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.deployments.createKey.mutationOptions({
      onSuccess: () => {
        setName("");
        refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.deployments.revokeKey.mutationOptions({ onSettled: refresh }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ deploymentId: deployment.id, name });
  }

  function onRevoke(key: DeploymentKey) {
    if (
      window.confirm(
        `Revoke the key “${key.name}” (${key.masked})? Anything using it stops working at once. This cannot be undone.`,
      )
    ) {
      revoke.mutate({ keyId: key.id });
    }
  }

  const fields = fieldErrorsOf(create.error);
  return (
    <Card>
      <CardHeader
        title="API keys"
        description="Keys for the REST and OpenAI-compatible APIs of this deployment only. A key is shown once, when it is created."
      />
      {canEdit ? (
        <form
          onSubmit={onSubmit}
          className="grid gap-3 border-b border-slate-200 p-5 sm:grid-cols-[1fr_auto] sm:items-end dark:border-slate-800"
          noValidate
        >
          <TextField
            label="Key name"
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={60}
            autoComplete="off"
            placeholder="Backend (production)"
            error={fields.name}
          />
          <Button type="submit" loading={create.isPending}>
            Create key
          </Button>
          {create.error && !fields.name ? (
            <div className="sm:col-span-2">
              <Alert>{messageOf(create.error)}</Alert>
            </div>
          ) : null}
          {create.data ? (
            <div className="sm:col-span-2">
              <Alert tone="success">
                <p className="font-medium">Copy the key “{create.data.name}” now: it will not be shown again.</p>
                <div className="mt-2 flex flex-wrap items-center gap-2">
                  <input
                    readOnly
                    aria-label="New API key"
                    data-testid="new-deployment-key"
                    value={create.data.token}
                    onFocus={(event) => event.currentTarget.select()}
                    className="h-8 min-w-0 flex-1 rounded-md bg-white px-2 font-mono text-xs text-slate-800 ring-1 ring-emerald-300 dark:bg-slate-900 dark:text-slate-200"
                  />
                  <CopyButton text={create.data.token} />
                  <Button size="sm" variant="ghost" onClick={() => create.reset()}>
                    Done
                  </Button>
                </div>
              </Alert>
            </div>
          ) : null}
        </form>
      ) : null}
      {keys.error ? (
        <div className="p-5">
          <Alert>{messageOf(keys.error)}</Alert>
        </div>
      ) : null}
      {revoke.error ? (
        <div className="px-5 pt-4">
          <Alert>{messageOf(revoke.error)}</Alert>
        </div>
      ) : null}
      {keys.isPending ? <p className="p-5 text-sm text-slate-500">Loading…</p> : null}
      {keys.data?.length === 0 ? (
        <p className="p-5 text-sm text-slate-500 dark:text-slate-400">
          No keys yet.{canEdit ? " Create one to call the API." : ""}
        </p>
      ) : null}
      {keys.data?.length ? (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="deployment-key-list">
          {keys.data.map((key) => (
            <li key={key.id} className="flex flex-wrap items-center gap-3 px-5 py-3">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium">{key.name}</p>
                <p className="font-mono text-xs text-slate-500">{key.masked}</p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  Created {formatRelative(key.createdAt)}
                  {key.createdBy ? ` by ${key.createdBy.name || key.createdBy.email}` : ""} ·{" "}
                  {key.lastUsedAt ? `last used ${formatRelative(key.lastUsedAt)}` : "never used"}
                  {key.revokedAt ? ` · revoked ${formatRelative(key.revokedAt)}` : ""}
                </p>
              </div>
              <Badge tone={key.status === "active" ? "green" : "red"}>{key.status}</Badge>
              {canEdit && key.status === "active" ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="text-rose-700 hover:bg-rose-50 dark:text-rose-400 dark:hover:bg-rose-950"
                  loading={revoke.isPending && revoke.variables?.keyId === key.id}
                  onClick={() => onRevoke(key)}
                >
                  Revoke
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
