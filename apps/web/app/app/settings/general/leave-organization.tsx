"use client";
import { Alert, Button, Card, CardHeader } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

export function LeaveOrganization() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const org = useQuery(trpc.organization.current.queryOptions());
  const leave = useMutation(
    trpc.members.leave.mutationOptions({
      onSuccess: () => {
        // The switcher falls back to another organization on the next load.
        void queryClient.invalidateQueries();
        router.push("/app");
        router.refresh();
      },
    }),
  );
  if (!org.data) return null;
  const organization = org.data;
  return (
    <Card>
      <CardHeader
        title="Leave organization"
        description="You lose access to its bots and settings. The last owner cannot leave."
      />
      <div className="space-y-3 p-5">
        {leave.error ? <Alert>{messageOf(leave.error)}</Alert> : null}
        <Button
          variant="danger"
          loading={leave.isPending}
          onClick={() => {
            if (window.confirm(`Leave ${organization.name}?`)) leave.mutate({ organizationId: organization.id });
          }}
        >
          Leave {organization.name}
        </Button>
      </div>
    </Card>
  );
}
