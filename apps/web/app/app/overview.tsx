"use client";
import { Badge, Card } from "@pixel/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { useTRPC } from "@/lib/trpc";

const nextSteps = [
  { href: "/app/settings/members", title: "Invite your team", text: "Add teammates as admins, editors or viewers." },
  {
    href: "/app/settings/api-tokens",
    title: "Create an API token",
    text: "Call the API from scripts and CI with a bearer token.",
  },
  { href: "/app/settings/audit", title: "Review the audit log", text: "See who changed roles, members and tokens." },
];

export function Overview() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const org = useQuery(trpc.organization.current.queryOptions());
  return (
    <>
      <PageHeader
        title={me.data ? `Welcome, ${me.data.name || me.data.email}` : "Welcome"}
        description="Your workspace at a glance."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Card className="p-5">
          <p className="text-xs font-medium text-slate-500 uppercase">Organization</p>
          <p className="mt-2 truncate text-lg font-semibold" data-testid="overview-organization">
            {org.data?.name ?? "…"}
          </p>
          {org.data ? (
            <div className="mt-2 flex gap-2">
              <Badge tone="indigo">{org.data.role}</Badge>
              {org.data.personal ? <Badge>personal</Badge> : null}
            </div>
          ) : null}
        </Card>
        <Card className="p-5">
          <p className="text-xs font-medium text-slate-500 uppercase">Members</p>
          <p className="mt-2 text-lg font-semibold">{org.data?.memberCount ?? "…"}</p>
        </Card>
      </div>
      <h2 className="mt-10 mb-3 text-sm font-semibold text-slate-700 dark:text-slate-300">Next steps</h2>
      <div className="grid gap-4 sm:grid-cols-3">
        {nextSteps.map((s) => (
          <Link key={s.href} href={s.href} className="group">
            <Card className="h-full p-5 transition-shadow group-hover:shadow-md group-focus-visible:ring-2 group-focus-visible:ring-indigo-500">
              <p className="font-semibold">{s.title}</p>
              <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">{s.text}</p>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
