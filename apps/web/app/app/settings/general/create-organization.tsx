"use client";
import { Button, Card, CardHeader, TextField } from "@pixel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { setActiveOrganization } from "@/lib/active-organization";
import { fieldErrorsOf, messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

export function CreateOrganization() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const create = useMutation(
    trpc.organization.create.mutationOptions({
      onSuccess: (org) => {
        setActiveOrganization(org.id);
        void queryClient.invalidateQueries();
        router.refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate({ name: String(new FormData(form).get("name") ?? "") }, { onSuccess: () => form.reset() });
  }

  const fieldError = fieldErrorsOf(create.error).name ?? (create.error ? messageOf(create.error) : null);
  return (
    <Card>
      <CardHeader title="New organization" description="A shared workspace for a team. You will be its owner." />
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 p-5">
        <TextField
          label="Organization name"
          name="name"
          placeholder="Acme Support"
          className="min-w-[16rem] flex-1"
          error={fieldError}
        />
        <Button type="submit" variant="secondary" loading={create.isPending}>
          Create organization
        </Button>
      </form>
    </Card>
  );
}
