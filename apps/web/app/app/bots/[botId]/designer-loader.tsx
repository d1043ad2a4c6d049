"use client";
import { Alert, Button } from "@pixel/ui";
import { useQuery } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useDesigner } from "@/designer/store/designer-store";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

// The canvas measures the window: client only.
const Designer = dynamic(() => import("@/designer/designer").then((m) => m.Designer), { ssr: false });

export function DesignerLoader({ botId }: { botId: string }) {
  const trpc = useTRPC();
  const draft = useQuery(trpc.flowDraft.get.queryOptions({ botId }, { staleTime: Number.POSITIVE_INFINITY, retry: 1 }));
  const org = useQuery(trpc.organization.current.queryOptions());
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!draft.data?.document || !org.data || loaded) return;
    useDesigner.getState().load({
      botId,
      botName: draft.data.name,
      doc: draft.data.document,
      revision: draft.data.revision,
      readOnly: org.data.role === "viewer",
    });
    setLoaded(true);
  }, [draft.data, org.data, botId, loaded]);

  if (draft.error) {
    return (
      <div className="mx-auto max-w-lg p-8">
        <Alert tone="error">{messageOf(draft.error)}</Alert>
        <Link href="/app/bots">
          <Button variant="secondary" className="mt-4">
            Back to bots
          </Button>
        </Link>
      </div>
    );
  }
  if (!loaded) {
    return (
      <div className="grid h-dvh place-items-center text-slate-500" aria-busy="true">
        <span className="flex items-center gap-2 text-sm">
          <Loader2 className="size-4 animate-spin" aria-hidden /> Opening the designer…
        </span>
      </div>
    );
  }
  return <Designer botId={botId} />;
}
