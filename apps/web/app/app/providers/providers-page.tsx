"use client";
import { Alert } from "@pixel/ui";
import { useQuery } from "@tanstack/react-query";
import { Gauge } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { useTRPC } from "@/lib/trpc";
import { AddKeyForm, LocalOllamaOffer, OLLAMA_BASE_URL } from "./add-key";
import { BudgetsSection } from "./budgets-section";
import { CatalogueSection } from "./catalogue-section";
import { FallbackSection } from "./fallback-section";
import { KeysSection } from "./keys-section";
import { UnavailableSection } from "./unavailable-section";
import { useCanManage } from "./use-role";

const SECTIONS = [
  { id: "keys", label: "Keys" },
  { id: "fallback", label: "Fallback order" },
  { id: "budgets", label: "Budgets" },
  { id: "unavailable", label: "When unavailable" },
  { id: "catalogue", label: "Model catalogue" },
];

export function ProvidersPage() {
  const { ready, role, canManage } = useCanManage();
  return (
    <>
      <PageHeader
        title="AI providers"
        description="Bring your own keys, choose the fallback order, cap monthly spend and review model prices."
        actions={
          <Link
            href="/app/usage"
            className="inline-flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
          >
            <Gauge className="size-4" aria-hidden />
            Usage and cost
          </Link>
        }
      />
      {!ready ? <p className="text-sm text-slate-500">Loading…</p> : null}
      {ready && !canManage ? (
        <div className="space-y-6">
          <Alert tone="info">
            <p className="font-medium">Read-only: you are {role === "editor" ? "an editor" : `a ${role}`} here.</p>
            <p className="mt-0.5">
              Only owners and admins see and manage provider keys, the fallback order and budgets. You can read the
              model catalogue below and this organization's{" "}
              <Link href="/app/usage" className="underline">
                usage
              </Link>
              .
            </p>
          </Alert>
          <CatalogueSection canManage={false} />
        </div>
      ) : null}
      {ready && canManage ? <ManagerView /> : null}
    </>
  );
}

function ManagerView() {
  const trpc = useTRPC();
  const keys = useQuery(trpc.providerKeys.list.queryOptions());
  const hasLocalOllama = Boolean(keys.data?.some((k) => k.baseUrl === OLLAMA_BASE_URL));
  return (
    <>
      <nav aria-label="Sections of this page" className="-mt-4 mb-6 flex flex-wrap gap-1.5">
        {SECTIONS.map((s) => (
          <a
            key={s.id}
            href={`#${s.id}`}
            className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-300 dark:hover:bg-slate-700"
          >
            {s.label}
          </a>
        ))}
      </nav>
      <div className="space-y-6">
        {keys.isSuccess ? <LocalOllamaOffer alreadyAdded={hasLocalOllama} /> : null}
        <KeysSection canManage />
        <AddKeyForm />
        <FallbackSection canManage />
        <BudgetsSection canManage />
        <UnavailableSection canManage />
        <CatalogueSection canManage />
      </div>
    </>
  );
}
