"use client";
import { Alert, Button, Card, CardHeader, SelectField, TextField } from "@pixel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { useMyRole } from "./use-my-role";

export function InviteMember() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { isAdmin, isOwner } = useMyRole();
  const [copied, setCopied] = useState(false);
  const invite = useMutation(
    trpc.invitations.create.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.invitations.pathKey() }),
    }),
  );
  if (!isAdmin) return null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setCopied(false);
    invite.mutate({
      email: String(form.get("email") ?? ""),
      role: String(form.get("role") ?? "editor") as "owner" | "admin" | "editor" | "viewer",
    });
  }

  const fields = fieldErrorsOf(invite.error);
  return (
    <Card>
      <CardHeader title="Invite a member" description="They get a link that expires in 7 days." />
      <form onSubmit={onSubmit} className="grid gap-3 p-5 sm:grid-cols-[1fr_10rem_auto] sm:items-end" noValidate>
        <TextField label="Email" name="email" type="email" placeholder="teammate@example.com" error={fields.email} />
        <SelectField label="Role" name="role" defaultValue="editor">
          {isOwner ? <option value="owner">owner</option> : null}
          <option value="admin">admin</option>
          <option value="editor">editor</option>
          <option value="viewer">viewer</option>
        </SelectField>
        <Button type="submit" loading={invite.isPending}>
          Send invitation
        </Button>
      </form>
      <div className="space-y-2 px-5 pb-5">
        {invite.error && !fields.email ? <Alert>{messageOf(invite.error)}</Alert> : null}
        {invite.data ? (
          <Alert tone="success">
            <p>
              Invitation for <strong>{invite.data.email}</strong> created
              {invite.data.emailed ? " and emailed" : ""}. Share this link — it is shown only once:
            </p>
            <div className="mt-2 flex gap-2">
              <input
                readOnly
                aria-label="Invitation link"
                data-testid="invitation-link"
                value={invite.data.link}
                className="min-w-0 flex-1 rounded-md bg-white px-2 py-1 font-mono text-xs text-slate-800 ring-1 ring-emerald-300 dark:bg-slate-900 dark:text-slate-200"
                onFocus={(e) => e.currentTarget.select()}
              />
              <Button
                size="sm"
                variant="secondary"
                onClick={async () => {
                  await navigator.clipboard?.writeText(invite.data.link).catch(() => {});
                  setCopied(true);
                }}
              >
                {copied ? "Copied" : "Copy"}
              </Button>
            </div>
            {invite.data.emailError ? (
              <p className="mt-1 text-xs">Email delivery failed: {invite.data.emailError}</p>
            ) : null}
          </Alert>
        ) : null}
      </div>
    </Card>
  );
}
