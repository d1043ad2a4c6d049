"use client";
import { Alert, Button, Card, CardHeader, SelectField } from "@pixel/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { describeAuditEntry } from "./describe";

const FILTERS = [
  { value: "", label: "All events" },
  { value: "member", label: "Members and roles" },
  { value: "invitation", label: "Invitations" },
  { value: "api_token", label: "API tokens" },
  { value: "organization", label: "Organization" },
  { value: "provider_key", label: "AI provider keys" },
  { value: "budget", label: "Budgets" },
];

export function AuditLog() {
  const trpc = useTRPC();
  const [actionPrefix, setActionPrefix] = useState("");
  const org = useQuery(trpc.organization.current.queryOptions());
  const allowed = org.data?.role === "owner" || org.data?.role === "admin";
  const audit = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { limit: 50, actionPrefix: actionPrefix || undefined },
      { enabled: allowed, getNextPageParam: (last) => last.nextCursor },
    ),
  );
  if (org.data && !allowed) return <Alert tone="info">Only owners and admins can read the audit log.</Alert>;
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card>
      <CardHeader
        title="Audit log"
        description="Membership, role, invitation, token, provider key and budget changes, newest first."
        actions={
          <SelectField label="Show" value={actionPrefix} onChange={(e) => setActionPrefix(e.target.value)}>
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </SelectField>
        }
      />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="audit-table">
          <thead className="text-xs text-slate-500 uppercase">
            <tr>
              <th className="px-5 py-2 font-medium">When</th>
              <th className="px-5 py-2 font-medium">Who</th>
              <th className="px-5 py-2 font-medium">What</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="px-5 py-2.5 whitespace-nowrap text-slate-500">{r.createdAt.toLocaleString()}</td>
                <td className="px-5 py-2.5">{r.actor?.name || r.actor?.email || "system"}</td>
                <td className="px-5 py-2.5">{describeAuditEntry(r.action, r.metadata)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {audit.isPending && allowed ? <p className="p-5 text-sm text-slate-500">Loading…</p> : null}
      {rows.length === 0 && !audit.isPending ? <p className="p-5 text-sm text-slate-500">No events yet.</p> : null}
      {audit.hasNextPage ? (
        <div className="p-4 text-center">
          <Button variant="secondary" loading={audit.isFetchingNextPage} onClick={() => audit.fetchNextPage()}>
            Load more
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
