"use client";
import { Alert, Button, Dialog } from "@pixel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import type { BotSummary } from "./types";

/** Asks before deleting, naming the bot; Cancel has the focus so Enter alone never deletes. */
export function DeleteDialog({
  bot,
  open,
  onClose,
  onDeleted,
}: {
  bot: Pick<BotSummary, "id" | "name" | "deploymentCount">;
  open: boolean;
  onClose: () => void;
  onDeleted: (name: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.bots.delete.mutationOptions({
      onSuccess: () => {
        onDeleted(bot.name);
        void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
      },
    }),
  );

  function close() {
    if (remove.isPending) return;
    remove.reset();
    onClose();
  }

  const deployments = bot.deploymentCount;
  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Delete “${bot.name}”?`}
      description={
        <>
          The bot disappears from this organization's bots and can no longer be opened or edited.
          {deployments > 0
            ? ` It has ${deployments} deployment${deployments === 1 ? "" : "s"}; check ${deployments === 1 ? "it" : "them"} first.`
            : ""}
        </>
      }
    >
      {remove.error ? (
        <div className="mb-4">
          <Alert>{messageOf(remove.error)}</Alert>
        </div>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={close} disabled={remove.isPending} data-autofocus>
          Cancel
        </Button>
        <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate({ botId: bot.id })}>
          Delete bot
        </Button>
      </div>
    </Dialog>
  );
}
