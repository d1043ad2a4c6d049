"use client";
import { Alert, Badge, Button, Card, CardHeader } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { useMyRole } from "./use-my-role";

const ROLES = ["owner", "admin", "editor", "viewer"] as const;

export function MemberList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { isAdmin, isOwner } = useMyRole();
  const members = useQuery(trpc.members.list.queryOptions(undefined, { refetchInterval: 4_000 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() });
  const refreshAll = () => {
    void refresh();
    void queryClient.invalidateQueries({ queryKey: trpc.organization.pathKey() });
  };
  const updateRole = useMutation(trpc.members.updateRole.mutationOptions({ onSettled: refreshAll }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSettled: refreshAll }));
  const error = updateRole.error ?? remove.error;

  return (
    <Card>
      <CardHeader
        title="Members"
        description="Owners manage everything; admins manage members; editors build; viewers read."
      />
      {error ? (
        <div className="px-5 pt-4">
          <Alert>{messageOf(error)}</Alert>
        </div>
      ) : null}
      <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="member-list">
        {members.data?.map((m) => {
          const canChange = isAdmin && (isOwner || m.role !== "owner");
          return (
            <li
              key={m.id}
              className="flex flex-wrap items-center gap-3 px-5 py-3"
              data-testid={`member-${m.user.email}`}
            >
              <span
                className="grid size-9 place-items-center rounded-full bg-slate-200 text-sm font-semibold dark:bg-slate-700"
                aria-hidden
              >
                {(m.user.name || m.user.email).slice(0, 1).toUpperCase()}
              </span>
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium">
                  {m.user.name || m.user.email} {m.isYou ? <span className="text-slate-400">(you)</span> : null}
                </p>
                <p className="truncate text-xs text-slate-500">{m.user.email}</p>
              </div>
              {canChange ? (
                <>
                  <label className="sr-only" htmlFor={`role-${m.id}`}>
                    Role of {m.user.email}
                  </label>
                  <select
                    id={`role-${m.id}`}
                    data-testid="member-role"
                    value={m.role}
                    disabled={updateRole.isPending}
                    onChange={(e) =>
                      updateRole.mutate({ membershipId: m.id, role: e.target.value as (typeof ROLES)[number] })
                    }
                    className="rounded-lg border-0 bg-slate-100 py-1 pr-8 pl-2 text-sm dark:bg-slate-800"
                  >
                    {ROLES.filter((r) => isOwner || r !== "owner").map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                  {!m.isYou ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => {
                        if (window.confirm(`Remove ${m.user.email} from the organization?`))
                          remove.mutate({ membershipId: m.id });
                      }}
                    >
                      Remove
                    </Button>
                  ) : null}
                </>
              ) : (
                <span data-testid="member-role-badge">
                  <Badge tone={m.role === "owner" ? "indigo" : "neutral"}>{m.role}</Badge>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {members.isPending ? <p className="p-5 text-sm text-slate-500">Loading…</p> : null}
    </Card>
  );
}
