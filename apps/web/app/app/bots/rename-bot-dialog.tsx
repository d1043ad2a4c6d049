"use client";
import { Alert, Button, Dialog, TextField } from "@pixel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { TextAreaField } from "./bot-dialog";
import type { BotSummary } from "./types";

/** Changes a bot's name and description; its draft is untouched. */
export function RenameDialog({
  bot,
  open,
  onClose,
}: {
  bot: Pick<BotSummary, "id" | "name" | "description">;
  open: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rename = useMutation(
    trpc.bots.rename.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
        rename.reset();
        onClose();
      },
    }),
  );

  function close() {
    if (rename.isPending) return;
    rename.reset();
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    rename.mutate({
      botId: bot.id,
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
    });
  }

  const fields = fieldErrorsOf(rename.error);
  return (
    <Dialog open={open} onClose={close} title={`Rename “${bot.name}”`}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField
          label="Name"
          name="name"
          required
          maxLength={80}
          autoComplete="off"
          defaultValue={bot.name}
          data-autofocus
          onFocus={(event) => event.currentTarget.select()}
          error={fields.name}
        />
        <TextAreaField
          label="Description (optional)"
          name="description"
          maxLength={500}
          defaultValue={bot.description ?? ""}
          error={fields.description}
        />
        {rename.error && !fields.name && !fields.description ? <Alert>{messageOf(rename.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close} disabled={rename.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={rename.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
