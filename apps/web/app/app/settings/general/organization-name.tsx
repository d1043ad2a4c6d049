"use client";
import { Alert, Button, Card, CardHeader, TextField } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

export function OrganizationName() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const org = useQuery(trpc.organization.current.queryOptions());
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.organization.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        void queryClient.invalidateQueries({ queryKey: trpc.organization.pathKey() });
      },
    }),
  );
  const canEdit = org.data?.role === "owner" || org.data?.role === "admin";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    update.mutate({ name: String(new FormData(event.currentTarget).get("name") ?? "") });
  }

  return (
    <Card>
      <CardHeader
        title="Organization"
        description={canEdit ? "Rename your organization." : "Only owners and admins can rename it."}
      />
      {org.data ? (
        <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 p-5" key={org.data.id}>
          <TextField
            label="Name"
            name="name"
            defaultValue={org.data.name}
            disabled={!canEdit}
            className="min-w-[16rem] flex-1"
            error={fieldErrorsOf(update.error).name}
          />
          {canEdit ? (
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          ) : null}
          <div className="w-full">
            {update.error && !fieldErrorsOf(update.error).name ? <Alert>{messageOf(update.error)}</Alert> : null}
            {saved ? <Alert tone="success">Saved.</Alert> : null}
          </div>
        </form>
      ) : (
        <p className="p-5 text-sm text-slate-500">Loading…</p>
      )}
    </Card>
  );
}
