"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

/** The caller's role in the active organization: owners and admins manage providers, keys and budgets. */
export function useCanManage() {
  const trpc = useTRPC();
  const org = useQuery(trpc.organization.current.queryOptions());
  const role = org.data?.role;
  return { role, ready: Boolean(org.data), canManage: role === "owner" || role === "admin" };
}
