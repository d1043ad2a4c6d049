"use client";
import type { AppRouter } from "@pixel/api";
import { Alert, Badge, Button, Card, Dialog, EmptyState } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Archive, Bot, ExternalLink, EyeOff, Globe, LayoutTemplate, Lock, Users } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { formatRating, plural } from "@/app/templates/labels";
import { StarBar } from "@/app/templates/rating-stars";
import { PageHeader } from "@/components/page-header";
import { messageOf } from "@/lib/errors";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useMyRole } from "../settings/members/use-my-role";

type MyTemplate = inferRouterOutputs<AppRouter>["templates"]["mine"][number];
type Change = { kind: "unpublish" | "archive"; template: MyTemplate };

const STATUS = {
  published: { label: "Published", tone: "green" },
  draft: { label: "Unpublished", tone: "neutral" },
  archived: { label: "Archived", tone: "amber" },
} as const;

const browseClass =
  "inline-flex items-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-medium text-slate-900 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700";

/** The organization's templates: where they stand in the gallery, how they are used; admins take them out. */
export function TemplatesDashboard() {
  const trpc = useTRPC();
  const { isAdmin } = useMyRole();
  const mine = useQuery(trpc.templates.mine.queryOptions());
  const [change, setChange] = useState<Change | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title="Templates"
        description="Your organization's bots published to the template gallery."
        actions={
          <Link href="/templates" className={browseClass}>
            <LayoutTemplate className="size-4" aria-hidden />
            Browse the gallery
          </Link>
        }
      />
      {notice ? (
        <div className="mb-4">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      {mine.error ? (
        <div className="space-y-3">
          <Alert>Could not load the templates: {messageOf(mine.error)}</Alert>
          <Button variant="secondary" onClick={() => void mine.refetch()}>
            Try again
          </Button>
        </div>
      ) : mine.isPending ? (
        <div role="status" className="space-y-3">
          <span className="sr-only">Loading templates…</span>
          {[0, 1].map((i) => (
            <div key={i} className="h-24 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800/60" aria-hidden />
          ))}
        </div>
      ) : mine.data.length === 0 ? (
        <EmptyState icon={<LayoutTemplate className="size-10 text-slate-400" />} title="No templates yet">
          <p>
            {isAdmin
              ? "Share a bot as a template: on the Bots page, open a bot's ⋯ menu and choose “Publish as template”. Publish a version of the bot first."
              : "When an admin publishes one of your organization's bots as a template, it shows up here."}
          </p>
          <div className="mt-4 flex flex-wrap justify-center gap-2">
            <Link
              href="/app/bots"
              className="inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
            >
              <Bot className="size-4" aria-hidden />
              Go to Bots
            </Link>
            <Link href="/templates" className={browseClass}>
              Browse the gallery
            </Link>
          </div>
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Your templates">
          {mine.data.map((template) => (
            <li key={template.id}>
              <TemplateRow
                template={template}
                canManage={isAdmin}
                onChange={(kind) => {
                  setNotice(null);
                  setChange({ kind, template });
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {isAdmin ? (
        <p className="mt-6 text-sm text-slate-500 dark:text-slate-400">
          To publish a new version, choose “Publish as template” on the bot again (Bots page, ⋯ menu).
        </p>
      ) : null}
      {change ? (
        <ChangeStatusDialog
          change={change}
          onClose={() => setChange(null)}
          onDone={(text) => {
            setChange(null);
            setNotice(text);
          }}
        />
      ) : null}
    </>
  );
}

function TemplateRow({
  template,
  canManage,
  onChange,
}: {
  template: MyTemplate;
  canManage: boolean;
  onChange: (kind: Change["kind"]) => void;
}) {
  const status = STATUS[template.status];
  return (
    <Card className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="truncate font-semibold text-slate-900 dark:text-slate-100">
            <Link href={`/templates/${template.slug}`} className="hover:underline">
              {template.name}
            </Link>
          </h2>
          <Badge tone={status.tone}>{status.label}</Badge>
          <span className="inline-flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
            {template.visibility === "public" ? (
              <>
                <Globe className="size-3.5" aria-hidden /> Public
              </>
            ) : (
              <>
                <Lock className="size-3.5" aria-hidden /> Organization only
              </>
            )}
          </span>
        </div>
        <p className="mt-1.5 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <span>Version {template.version}</span>
          <span className="inline-flex items-center gap-1">
            <Users className="size-3.5" aria-hidden />
            {plural(template.usageCount, "use")}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <StarBar average={template.ratingAverage} />
            {template.ratingCount === 0
              ? "No ratings yet"
              : `${formatRating(template.ratingAverage)} (${plural(template.ratingCount, "rating")})`}
          </span>
          <span>
            Updated{" "}
            <time dateTime={new Date(template.updatedAt).toISOString()}>
              {formatRelative(new Date(template.updatedAt))}
            </time>
          </span>
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Link
          href={`/templates/${template.slug}`}
          className="inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800"
        >
          <ExternalLink className="size-3.5" aria-hidden />
          {template.status === "published" ? "View in gallery" : "View page"}
        </Link>
        {template.sourceBotId ? (
          <Link
            href={`/app/bots/${template.sourceBotId}`}
            className="inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800"
          >
            <Bot className="size-3.5" aria-hidden />
            Open bot
          </Link>
        ) : null}
        {canManage && template.status === "published" ? (
          <Button size="sm" variant="secondary" onClick={() => onChange("unpublish")}>
            <EyeOff className="size-3.5" aria-hidden />
            Unpublish
          </Button>
        ) : null}
        {canManage && template.status !== "archived" ? (
          <Button size="sm" variant="secondary" onClick={() => onChange("archive")}>
            <Archive className="size-3.5" aria-hidden />
            Archive
          </Button>
        ) : null}
      </div>
    </Card>
  );
}

function ChangeStatusDialog({
  change,
  onClose,
  onDone,
}: {
  change: Change;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
      onDone(
        change.kind === "unpublish"
          ? `“${change.template.name}” is no longer in the gallery.`
          : `“${change.template.name}” is archived.`,
      );
    },
  };
  const unpublish = useMutation(trpc.templates.unpublish.mutationOptions(options));
  const archive = useMutation(trpc.templates.archive.mutationOptions(options));
  const mutation = change.kind === "unpublish" ? unpublish : archive;
  const { name } = change.template;
  return (
    <Dialog
      open
      onClose={() => {
        if (!mutation.isPending) onClose();
      }}
      title={change.kind === "unpublish" ? `Unpublish “${name}”?` : `Archive “${name}”?`}
      description={
        change.kind === "unpublish"
          ? "It leaves the gallery; bots already made from it keep their copies. Publish the bot as a template again to bring it back."
          : "It leaves the gallery and is kept as retired; bots already made from it keep their copies."
      }
    >
      {mutation.error ? (
        <div className="mb-4">
          <Alert>{messageOf(mutation.error)}</Alert>
        </div>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={mutation.isPending} data-autofocus>
          Cancel
        </Button>
        <Button
          variant={change.kind === "archive" ? "danger" : "primary"}
          loading={mutation.isPending}
          onClick={() => mutation.mutate({ templateId: change.template.id })}
        >
          {change.kind === "unpublish" ? "Unpublish" : "Archive"}
        </Button>
      </div>
    </Dialog>
  );
}
