"use client";
import { Alert, Button, Card, EmptyState } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pause, Play, Plus, Rocket } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { PageHeader } from "@/components/page-header";
import { messageOf } from "@/lib/errors";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useMyRole } from "../settings/members/use-my-role";
import { ChannelBadges, EnvironmentBadge, StatusBadge } from "./bits";
import { NewDialog } from "./new-deployment-dialog";
import { versionLabel } from "./snippets";
import type { DeploymentSummary } from "./types";

export const deploymentHref = (id: string) => `/app/deployments/${id}`;

export function DeploymentsPage() {
  const trpc = useTRPC();
  const { role } = useMyRole();
  const canEdit = role !== undefined && role !== "viewer";
  const [creating, setCreating] = useState(false);
  const list = useQuery(trpc.deployments.list.queryOptions({}));
  const deployments = list.data ?? [];

  return (
    <>
      <PageHeader
        title="Deployments"
        description="Serve a published bot on a hosted page, an embeddable widget or an API."
        actions={
          canEdit ? (
            <Button onClick={() => setCreating(true)}>
              <Plus className="size-4" aria-hidden />
              New deployment
            </Button>
          ) : null
        }
      />
      {role === "viewer" ? (
        <p className="mb-4 text-sm text-slate-500 dark:text-slate-400">
          You can view deployments; editors create and change them.
        </p>
      ) : null}

      {list.error ? (
        <div className="space-y-3">
          <Alert>Could not load the deployments: {messageOf(list.error)}</Alert>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </div>
      ) : list.isPending ? (
        <div role="status" className="h-40 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800/60">
          <span className="sr-only">Loading deployments…</span>
        </div>
      ) : deployments.length === 0 ? (
        <EmptyState icon={<Rocket className="size-10 text-slate-400" />} title="No deployments yet">
          <p>
            A deployment puts a published version of a bot in front of people: a chat page with its own address, a
            widget for your website, or an API for your own code.
          </p>
          {canEdit ? (
            <Button className="mt-4" onClick={() => setCreating(true)}>
              <Plus className="size-4" aria-hidden />
              New deployment
            </Button>
          ) : (
            <p className="mt-2">When an editor deploys a bot, it shows up here.</p>
          )}
        </EmptyState>
      ) : (
        <DeploymentsTable deployments={deployments} canEdit={canEdit} />
      )}

      {canEdit ? <NewDialog open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function DeploymentsTable({ deployments, canEdit }: { deployments: DeploymentSummary[]; canEdit: boolean }) {
  return (
    <Card className="overflow-x-auto">
      <table className="w-full min-w-[52rem] text-left text-sm" data-testid="deployment-list">
        <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-5 py-3 font-medium">
              Deployment
            </th>
            <th scope="col" className="px-3 py-3 font-medium">
              Bot
            </th>
            <th scope="col" className="px-3 py-3 font-medium">
              Version
            </th>
            <th scope="col" className="px-3 py-3 font-medium">
              Channels
            </th>
            <th scope="col" className="px-3 py-3 font-medium">
              Environment
            </th>
            <th scope="col" className="px-3 py-3 font-medium">
              Status
            </th>
            <th scope="col" className="px-5 py-3 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {deployments.map((d) => (
            <DeploymentRow key={d.id} deployment={d} canEdit={canEdit} />
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function DeploymentRow({ deployment: d, canEdit }: { deployment: DeploymentSummary; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setStatus = useMutation(
    trpc.deployments.setStatus.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.deployments.pathKey() }),
    }),
  );
  const next = d.status === "active" ? "paused" : "active";
  return (
    <tr data-testid="deployment-row" data-slug={d.slug} className="align-top">
      <td className="px-5 py-3">
        <Link
          href={deploymentHref(d.id)}
          className="font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100 dark:hover:text-indigo-400"
        >
          {d.name}
        </Link>
        <p className="mt-0.5 font-mono text-xs text-slate-500 dark:text-slate-400">/c/{d.slug}</p>
        <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
          Updated {formatRelative(d.updatedAt)}
          {d.keyCount ? ` · ${d.keyCount} API key${d.keyCount === 1 ? "" : "s"}` : ""}
        </p>
      </td>
      <td className="px-3 py-3 text-slate-700 dark:text-slate-300">{d.botName}</td>
      <td className="px-3 py-3 whitespace-nowrap text-slate-700 dark:text-slate-300">{versionLabel(d.version)}</td>
      <td className="px-3 py-3">
        <ChannelBadges channels={d.channels} />
      </td>
      <td className="px-3 py-3">
        <EnvironmentBadge environment={d.environment} />
      </td>
      <td className="px-3 py-3">
        <StatusBadge status={d.status} />
        {setStatus.error ? (
          <p role="alert" className="mt-1 text-xs text-rose-600 dark:text-rose-400">
            {messageOf(setStatus.error)}
          </p>
        ) : null}
      </td>
      <td className="px-5 py-3 text-right">
        {canEdit ? (
          <Button
            size="sm"
            variant="secondary"
            loading={setStatus.isPending}
            onClick={() => setStatus.mutate({ deploymentId: d.id, status: next })}
            aria-label={`${next === "paused" ? "Pause" : "Resume"} ${d.name}`}
          >
            {next === "paused" ? <Pause className="size-3.5" aria-hidden /> : <Play className="size-3.5" aria-hidden />}
            {next === "paused" ? "Pause" : "Resume"}
          </Button>
        ) : null}
      </td>
    </tr>
  );
}
