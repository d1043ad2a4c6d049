"use client";
import { Alert, Button, Card, CardHeader, Dialog } from "@pixel/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import type { DeploymentDetail } from "../types";

/** Admins delete a deployment, after a confirmation that names what stops working. */
export function DangerZone({ deployment }: { deployment: DeploymentDetail }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.deployments.delete.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.deployments.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
        router.push("/app/deployments");
      },
    }),
  );

  function close() {
    if (remove.isPending) return;
    remove.reset();
    setConfirming(false);
  }

  return (
    <Card className="border-rose-200 dark:border-rose-900">
      <CardHeader title="Danger zone" />
      <div className="flex flex-wrap items-center justify-between gap-3 p-5">
        <p className="max-w-xl text-sm text-slate-600 dark:text-slate-400">
          Delete this deployment: its address, widget and API keys stop working at once. Past conversations stay in the
          history. The bot and its versions are not touched.
        </p>
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Delete deployment
        </Button>
      </div>
      <Dialog
        open={confirming}
        onClose={close}
        title={`Delete “${deployment.name}”?`}
        description={
          <>
            <span className="font-mono">/c/{deployment.slug}</span>, the widget and{" "}
            {deployment.keyCount === 1 ? "its API key" : `its ${deployment.keyCount} API keys`} stop working. This
            cannot be undone.
          </>
        }
      >
        {remove.error ? (
          <div className="mb-4">
            <Alert>{messageOf(remove.error)}</Alert>
          </div>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close} disabled={remove.isPending} data-autofocus>
            Cancel
          </Button>
          <Button
            variant="danger"
            loading={remove.isPending || remove.isSuccess}
            onClick={() => remove.mutate({ deploymentId: deployment.id })}
          >
            Delete deployment
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}
