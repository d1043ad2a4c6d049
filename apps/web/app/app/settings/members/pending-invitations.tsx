"use client";
import { Alert, Badge, Button, Card, CardHeader } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { useMyRole } from "./use-my-role";

export function PendingInvitations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { isAdmin } = useMyRole();
  const invitations = useQuery(
    trpc.invitations.list.queryOptions(undefined, { enabled: isAdmin, refetchInterval: 5_000 }),
  );
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.invitations.pathKey() }),
    }),
  );
  if (!isAdmin) return null;
  return (
    <Card>
      <CardHeader title="Pending invitations" />
      {revoke.error ? (
        <div className="px-5 pt-4">
          <Alert>{messageOf(revoke.error)}</Alert>
        </div>
      ) : null}
      {invitations.data?.length === 0 ? <p className="p-5 text-sm text-slate-500">No pending invitations.</p> : null}
      <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="invitation-list">
        {invitations.data?.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center gap-3 px-5 py-3" data-testid={`invitation-${i.email}`}>
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium">{i.email}</p>
              <p className="text-xs text-slate-500">
                {i.status === "expired" ? "Expired" : "Expires"} {i.expiresAt.toLocaleDateString()}
                {i.invitedBy ? ` · invited by ${i.invitedBy.name || i.invitedBy.email}` : ""}
              </p>
            </div>
            <Badge tone={i.status === "expired" ? "amber" : "neutral"}>{i.role}</Badge>
            <Button size="sm" variant="ghost" onClick={() => revoke.mutate({ invitationId: i.id })}>
              Revoke
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
