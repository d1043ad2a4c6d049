"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

/** The caller's role in the active organization, refreshed often so a role change shows up without a reload. */
export function useMyRole() {
  const trpc = useTRPC();
  const org = useQuery(trpc.organization.current.queryOptions(undefined, { refetchInterval: 4_000 }));
  const role = org.data?.role;
  return { role, isAdmin: role === "owner" || role === "admin", isOwner: role === "owner" };
}
