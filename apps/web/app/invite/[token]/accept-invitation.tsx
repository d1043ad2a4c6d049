"use client";
import { Alert, Badge, Button } from "@pixel/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { setActiveOrganization } from "@/lib/active-organization";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/** A malformed token (400) reads the same as an unknown one (404); other failures keep their own message. */
function previewErrorMessage(error: unknown): string {
  const code = error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
  return code === "BAD_REQUEST" || code === "NOT_FOUND" ? "This invitation link is not valid." : messageOf(error);
}

export function AcceptInvitation({ token, signedInAs }: { token: string; signedInAs: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const preview = useQuery(trpc.invitations.preview.queryOptions({ token }, { retry: false }));
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: ({ organizationId }) => {
        setActiveOrganization(organizationId);
        router.push("/app");
        router.refresh();
      },
    }),
  );
  const here = `/invite/${encodeURIComponent(token)}`;

  if (preview.isPending) return <p className="text-sm text-slate-500">Checking your invitation…</p>;
  if (preview.error) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Invitation not found</h1>
        <Alert>{previewErrorMessage(preview.error)}</Alert>
        <Link href="/" className="text-sm text-indigo-600 hover:underline">
          Go to the home page
        </Link>
      </div>
    );
  }
  const invite = preview.data;
  const usable = invite.status === "pending";
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Join {invite.organizationName}</h1>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
          {invite.invitedBy ? `${invite.invitedBy} invited ` : "You were invited as "}
          <strong className="text-slate-700 dark:text-slate-200">{invite.email}</strong>
          {invite.invitedBy ? " to join as " : " "}
          <Badge tone="indigo">{invite.role}</Badge>
        </p>
      </div>
      {invite.status === "expired" ? <Alert>This invitation has expired. Ask for a new one.</Alert> : null}
      {invite.status === "accepted" ? <Alert>This invitation has already been used.</Alert> : null}
      {invite.status === "revoked" ? <Alert>This invitation was revoked. Ask for a new one.</Alert> : null}
      {accept.error ? <Alert>{messageOf(accept.error)}</Alert> : null}
      {usable && !signedInAs ? (
        <div className="flex flex-col gap-2">
          <Link
            href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`}
            className="rounded-lg bg-indigo-600 px-4 py-2 text-center text-sm font-medium text-white hover:bg-indigo-500"
          >
            Create an account to accept
          </Link>
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}
            className="rounded-lg px-4 py-2 text-center text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50 dark:ring-slate-700 dark:hover:bg-slate-800"
          >
            Sign in to accept
          </Link>
        </div>
      ) : null}
      {usable && signedInAs ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-600 dark:text-slate-300">Signed in as {signedInAs}.</p>
          <Button className="w-full" loading={accept.isPending} onClick={() => accept.mutate({ token })}>
            Accept invitation
          </Button>
          {signedInAs.toLowerCase() !== invite.email.toLowerCase() ? (
            <Button variant="ghost" className="w-full" onClick={() => signOut({ callbackUrl: here })}>
              Use another account
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
