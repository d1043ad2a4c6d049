"use client";
import { Alert, Button } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Pause, Play } from "lucide-react";
import Link from "next/link";
import { messageOf } from "@/lib/errors";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useMyRole } from "../../settings/members/use-my-role";
import { ChannelBadges, EnvironmentBadge, StatusBadge } from "../bits";
import { versionLabel } from "../snippets";
import type { DeploymentDetail } from "../types";
import { ApiKeysCard } from "./api-keys";
import { DangerZone } from "./danger-zone";
import { SettingsForm } from "./settings-form";
import { ApiCard, EmbedCard, ShareCard } from "./share-cards";

export function DeploymentDetailPage({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const { role, isAdmin } = useMyRole();
  const canEdit = role !== undefined && role !== "viewer";
  const deployment = useQuery(trpc.deployments.get.queryOptions({ deploymentId }));

  if (deployment.error) {
    const missing = deployment.error.data?.code === "NOT_FOUND";
    return (
      <div className="space-y-4">
        <BackLink />
        <Alert>{missing ? "This deployment does not exist (or was deleted)." : messageOf(deployment.error)}</Alert>
        {missing ? null : (
          <Button variant="secondary" onClick={() => void deployment.refetch()}>
            Try again
          </Button>
        )}
      </div>
    );
  }
  if (!deployment.data) {
    return (
      <div role="status" className="space-y-4">
        <span className="sr-only">Loading the deployment…</span>
        <div className="h-16 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800/60" />
        <div className="h-64 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800/60" />
      </div>
    );
  }

  const d = deployment.data;
  return (
    <div className="space-y-6">
      <Header deployment={d} canEdit={canEdit} readOnly={role === "viewer"} />
      <div className="grid gap-6 2xl:grid-cols-2">
        <ShareCard deployment={d} canEdit={canEdit} />
        <EmbedCard deployment={d} canEdit={canEdit} />
      </div>
      <ApiCard deployment={d} canEdit={canEdit} />
      <ApiKeysCard deployment={d} canEdit={canEdit} />
      <SettingsForm key={d.id} deployment={d} canEdit={canEdit} />
      {isAdmin ? <DangerZone deployment={d} /> : null}
    </div>
  );
}

function BackLink() {
  return (
    <Link
      href="/app/deployments"
      className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
    >
      <ArrowLeft className="size-4" aria-hidden />
      Deployments
    </Link>
  );
}

function Header({
  deployment: d,
  canEdit,
  readOnly,
}: {
  deployment: DeploymentDetail;
  canEdit: boolean;
  readOnly: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setStatus = useMutation(
    trpc.deployments.setStatus.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.deployments.get.queryKey({ deploymentId: d.id }), updated);
      },
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.deployments.list.pathKey() }),
    }),
  );
  const next = d.status === "active" ? "paused" : "active";
  return (
    <div className="space-y-3">
      <BackLink />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-bold tracking-tight break-words">{d.name}</h1>
            <StatusBadge status={d.status} />
            <EnvironmentBadge environment={d.environment} />
          </div>
          <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
            Serves{" "}
            <Link
              href={`/app/bots/${d.botId}`}
              className="font-medium text-slate-700 hover:underline dark:text-slate-300"
            >
              {d.botName}
            </Link>{" "}
            · {versionLabel(d.version)} · <span className="font-mono">/c/{d.slug}</span> · updated{" "}
            {formatRelative(d.updatedAt)}
          </p>
          <div className="mt-2">
            <ChannelBadges channels={d.channels} />
          </div>
        </div>
        {canEdit ? (
          <Button
            variant={next === "paused" ? "secondary" : "primary"}
            loading={setStatus.isPending}
            onClick={() => setStatus.mutate({ deploymentId: d.id, status: next })}
          >
            {next === "paused" ? <Pause className="size-4" aria-hidden /> : <Play className="size-4" aria-hidden />}
            {next === "paused" ? "Pause" : "Resume"}
          </Button>
        ) : null}
      </div>
      {setStatus.error ? <Alert>{messageOf(setStatus.error)}</Alert> : null}
      {d.status === "paused" ? (
        <Alert tone="info">
          Paused: the chat page, the widget and the APIs answer that this chat is paused until it is resumed.
        </Alert>
      ) : null}
      {readOnly ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          You can view this deployment; editors change it and manage its API keys.
        </p>
      ) : null}
    </div>
  );
}
