"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { setActiveOrganization } from "@/lib/active-organization";
import { useTRPC } from "@/lib/trpc";

export function OrganizationSwitcher() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const organizations = useQuery(trpc.organization.list.queryOptions());
  const current = useQuery(trpc.organization.current.queryOptions(undefined, { retry: false }));

  function switchTo(organizationId: string) {
    setActiveOrganization(organizationId);
    // Every cached answer belonged to the previous organization.
    void queryClient.invalidateQueries();
    router.refresh();
  }

  // The remembered organization may be gone (removed, left): fall back to the first one still ours.
  useEffect(() => {
    const forbidden = current.error instanceof TRPCClientError && current.error.data?.code === "FORBIDDEN";
    const first = organizations.data?.[0];
    if (forbidden && first) switchTo(first.id);
  });

  return (
    <div className="flex items-center gap-2">
      <label htmlFor="organization-switcher" className="sr-only">
        Organization
      </label>
      <select
        id="organization-switcher"
        data-testid="organization-switcher"
        className="max-w-[12rem] truncate rounded-lg sm:max-w-xs border-0 bg-slate-100 py-1.5 pr-8 pl-3 text-sm font-medium text-slate-900 focus:ring-2 focus:ring-indigo-500 dark:bg-slate-800 dark:text-slate-100"
        value={current.data?.id ?? ""}
        onChange={(e) => switchTo(e.target.value)}
      >
        {!current.data ? <option value="">Loading…</option> : null}
        {organizations.data?.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {current.data ? (
        <span className="hidden text-xs text-slate-500 sm:inline dark:text-slate-400" data-testid="current-role">
          {current.data.role}
        </span>
      ) : null}
    </div>
  );
}
