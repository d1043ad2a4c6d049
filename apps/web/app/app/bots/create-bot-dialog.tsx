"use client";
import { Alert, Button, Dialog, TextField } from "@pixel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { TextAreaField } from "./bot-dialog";

/** Name and description; on success the new bot opens in the designer. */
export function CreateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.bots.create.mutationOptions({
      onSuccess: (bot) => {
        void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
        router.push(`/app/bots/${bot.id}`);
      },
    }),
  );

  function close() {
    if (create.isPending) return;
    create.reset();
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? "") || undefined,
    });
  }

  const fields = fieldErrorsOf(create.error);
  return (
    <Dialog
      open={open}
      onClose={close}
      title="New bot"
      description="It starts with a greeting; you design the rest in the flow designer."
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField
          label="Name"
          name="name"
          required
          maxLength={80}
          autoComplete="off"
          placeholder="Support assistant"
          data-autofocus
          error={fields.name}
        />
        <TextAreaField
          label="Description (optional)"
          name="description"
          maxLength={500}
          placeholder="What the bot is for, for your team"
          error={fields.description}
        />
        {create.error && !fields.name && !fields.description ? <Alert>{messageOf(create.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || create.isSuccess}>
            Create bot
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
