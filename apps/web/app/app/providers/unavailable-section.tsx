"use client";
import { Alert, Button, Card, CardHeader, TextField } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { TextAreaField } from "./bits";

export function UnavailableSection({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.aiSettings.get.queryOptions());
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.aiSettings.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        void queryClient.invalidateQueries({ queryKey: trpc.aiSettings.pathKey() });
      },
    }),
  );
  const fields = fieldErrorsOf(update.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    const webhook = String(form.get("alertWebhookUrl") ?? "").trim();
    update.mutate({
      unavailableMessage: String(form.get("unavailableMessage") ?? ""),
      alertWebhookUrl: webhook || null,
    });
  }

  return (
    <Card id="unavailable" className="scroll-mt-20">
      <CardHeader
        title="When unavailable"
        description="What visitors read when a budget stops spending or every provider fails, and where alerts go."
      />
      {settings.data ? (
        <form
          onSubmit={onSubmit}
          noValidate
          className="grid gap-4 p-5"
          key={`${settings.data.unavailableMessage}|${settings.data.alertWebhookUrl ?? ""}`}
        >
          <TextAreaField
            label="Unavailable message"
            name="unavailableMessage"
            rows={3}
            maxLength={500}
            defaultValue={settings.data.unavailableMessage}
            disabled={!canManage}
            hint="Sent as the bot's answer instead of calling a provider."
            error={fields.unavailableMessage}
          />
          <TextField
            label="Alert webhook URL (optional)"
            name="alertWebhookUrl"
            type="url"
            placeholder="https://hooks.example.com/pixel-alerts"
            defaultValue={settings.data.alertWebhookUrl ?? ""}
            disabled={!canManage}
            hint="Receives a JSON POST when a budget passes its soft limit or stops spending."
            error={fields.alertWebhookUrl}
          />
          {canManage ? (
            <div className="flex items-center gap-3">
              <Button type="submit" loading={update.isPending}>
                Save
              </Button>
              {saved ? (
                <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
                  Saved.
                </span>
              ) : null}
            </div>
          ) : null}
          {update.error && !fields.unavailableMessage && !fields.alertWebhookUrl ? (
            <Alert>{messageOf(update.error)}</Alert>
          ) : null}
        </form>
      ) : settings.error ? (
        <div className="p-5">
          <Alert>{messageOf(settings.error)}</Alert>
        </div>
      ) : (
        <p className="p-5 text-sm text-slate-500">Loading…</p>
      )}
    </Card>
  );
}
