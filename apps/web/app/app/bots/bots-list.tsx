"use client";
import { Badge, Card } from "@pixel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Bot as BotIcon, Rocket, Workflow } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { messageOf } from "@/lib/errors";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { type BotAction, BotActionsMenu } from "./bot-actions-menu";
import { DeleteDialog } from "./delete-bot-dialog";
import { PublishTemplateDialog } from "./publish-template-dialog";
import { RenameDialog } from "./rename-bot-dialog";
import type { BotSummary } from "./types";

export interface Notice {
  tone: "success" | "error";
  text: string;
  /** A link to follow up, e.g. the duplicated bot. */
  link?: { href: string; label: string };
}

export const botHref = (id: string) => `/app/bots/${id}`;

function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

type Dialog = { kind: "rename" | "delete" | "publish-template"; bot: BotSummary; returnFocus: HTMLElement | null };

/** The grid of bot cards, with the rename, duplicate and delete actions for editors. */
export function BotsList({
  bots,
  canEdit,
  canPublishTemplate = false,
  onNotice,
  focusAfterDelete,
}: {
  bots: BotSummary[];
  canEdit: boolean;
  /** Admins and owners: "Publish as template" in each bot's menu. */
  canPublishTemplate?: boolean;
  onNotice: (notice: Notice | null) => void;
  /** Where focus goes once a deleted bot's card (and its menu button) is gone. */
  focusAfterDelete: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  /** Runs once the dialog is gone from the page (while it is open, the rest of the page is inert). */
  const afterClose = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (dialog) return;
    const run = afterClose.current;
    afterClose.current = null;
    run?.();
  }, [dialog]);
  const duplicate = useMutation(
    trpc.bots.duplicate.mutationOptions({
      onSuccess: (copy) => {
        void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
        onNotice({
          tone: "success",
          text: `Duplicated as “${copy.name}”.`,
          link: { href: botHref(copy.id), label: "Open the copy" },
        });
      },
      onError: (error) => onNotice({ tone: "error", text: messageOf(error) }),
    }),
  );

  function onAction(bot: BotSummary, action: BotAction, button: HTMLElement | null) {
    onNotice(null);
    if (action === "duplicate") duplicate.mutate({ botId: bot.id });
    else setDialog({ kind: action, bot, returnFocus: button });
  }

  function closeDialog() {
    const target = dialog?.returnFocus;
    afterClose.current = () => {
      if (target?.isConnected) target.focus();
    };
    setDialog(null);
  }

  return (
    <>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Bots">
        {bots.map((bot) => (
          <li key={bot.id}>
            <BotCard
              bot={bot}
              canEdit={canEdit}
              canPublishTemplate={canPublishTemplate}
              busy={duplicate.isPending && duplicate.variables?.botId === bot.id}
              onAction={(action, button) => onAction(bot, action, button)}
            />
          </li>
        ))}
      </ul>
      {dialog?.kind === "rename" ? <RenameDialog bot={dialog.bot} open onClose={closeDialog} /> : null}
      {dialog?.kind === "publish-template" ? (
        <PublishTemplateDialog bot={dialog.bot} open onClose={closeDialog} />
      ) : null}
      {dialog?.kind === "delete" ? (
        <DeleteDialog
          bot={dialog.bot}
          open
          onClose={closeDialog}
          onDeleted={(name) => {
            afterClose.current = focusAfterDelete;
            setDialog(null);
            onNotice({ tone: "success", text: `Deleted “${name}”.` });
          }}
        />
      ) : null}
    </>
  );
}

function BotCard({
  bot,
  canEdit,
  canPublishTemplate,
  busy,
  onAction,
}: {
  bot: BotSummary;
  canEdit: boolean;
  canPublishTemplate: boolean;
  busy: boolean;
  onAction: (action: BotAction, button: HTMLElement | null) => void;
}) {
  const editor = bot.updatedBy ? bot.updatedBy.name || bot.updatedBy.email : null;
  return (
    <Card className="relative flex h-full flex-col p-4 transition-shadow focus-within:ring-2 focus-within:ring-indigo-500 hover:border-indigo-300 hover:shadow-md dark:hover:border-indigo-800">
      <div className="flex items-start gap-3">
        <div
          className="grid size-9 shrink-0 place-items-center rounded-lg bg-indigo-50 text-indigo-600 dark:bg-indigo-950 dark:text-indigo-300"
          aria-hidden
        >
          <BotIcon className="size-5" />
        </div>
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-sm font-semibold text-slate-900 dark:text-slate-100">
            {/* The link covers the whole card; the actions menu sits above it. */}
            <Link href={botHref(bot.id)} className="after:absolute after:inset-0 after:rounded-xl focus:outline-none">
              {bot.name}
            </Link>
          </h2>
          {bot.description ? (
            <p className="mt-0.5 line-clamp-2 text-sm break-words text-slate-600 dark:text-slate-400">
              {bot.description}
            </p>
          ) : (
            <p className="mt-0.5 text-sm text-slate-400 italic dark:text-slate-500">No description</p>
          )}
        </div>
        {canEdit ? (
          <div className="relative z-10 -mt-1 -mr-1">
            <BotActionsMenu
              botName={bot.name}
              href={botHref(bot.id)}
              busy={busy}
              canPublishTemplate={canPublishTemplate}
              onAction={onAction}
            />
          </div>
        ) : null}
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-2 text-xs text-slate-600 dark:text-slate-400">
        {bot.latestVersion !== null ? (
          <Badge tone="green">v{bot.latestVersion} published</Badge>
        ) : (
          <Badge>Draft only</Badge>
        )}
        <span className="inline-flex items-center gap-1">
          <Workflow className="size-3.5" aria-hidden />
          {plural(bot.nodeCount, "node")}
        </span>
        <span className="inline-flex items-center gap-1">
          <Rocket className="size-3.5" aria-hidden />
          {bot.deploymentCount === 0 ? "Not deployed" : plural(bot.deploymentCount, "deployment")}
        </span>
      </div>
      <p className="mt-auto pt-3 text-xs text-slate-500 dark:text-slate-400">
        Edited{" "}
        <time dateTime={bot.updatedAt.toISOString()} title={bot.updatedAt.toLocaleString()}>
          {formatRelative(bot.updatedAt)}
        </time>
        {editor ? ` by ${editor}` : null}
      </p>
    </Card>
  );
}
