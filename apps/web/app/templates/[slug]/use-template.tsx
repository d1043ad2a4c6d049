"use client";
import { Alert, Button, Dialog } from "@pixel/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CopyPlus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { setActiveOrganization } from "@/lib/active-organization";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

const buttonClass =
  "inline-flex w-full items-center justify-center gap-2 rounded-lg bg-indigo-600 px-5 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:bg-indigo-400 sm:w-auto";

/** "Use this template": signed out, a way through sign-in back here; signed in, a bot in the chosen organization. */
export function UseTemplate({
  slug,
  name,
  signedIn,
  autoOpen,
}: {
  slug: string;
  name: string;
  signedIn: boolean;
  /** Back from sign-in (?use=1): ask which organization, rather than creating a bot unasked. */
  autoOpen: boolean;
}) {
  if (!signedIn) {
    const back = `/templates/${slug}?use=1`;
    return (
      <Link href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`} className={buttonClass}>
        <CopyPlus className="size-4" aria-hidden />
        Use this template
      </Link>
    );
  }
  return <UseTemplateSignedIn slug={slug} name={name} autoOpen={autoOpen} />;
}

function UseTemplateSignedIn({ slug, name, autoOpen }: { slug: string; name: string; autoOpen: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const organizations = useQuery(trpc.organization.list.queryOptions());
  const current = useQuery(trpc.organization.current.queryOptions(undefined, { retry: false }));
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const autoOpened = useRef(false);
  const create = useMutation(
    trpc.templates.use.mutationOptions({
      onSuccess: ({ botId }) => {
        // Every cached answer may belong to the organization acted in before.
        void queryClient.invalidateQueries();
        router.push(`/app/bots/${botId}`);
      },
    }),
  );

  const list = organizations.data ?? [];
  const eligible = list.filter((organization) => organization.role !== "viewer");
  const preferred = eligible.find((o) => o.id === current.data?.id)?.id ?? eligible[0]?.id ?? null;
  const selected = chosen ?? preferred;

  function createIn(organizationId: string) {
    setActiveOrganization(organizationId);
    create.mutate({ slug });
  }

  useEffect(() => {
    if (!autoOpen || autoOpened.current || !organizations.data) return;
    autoOpened.current = true;
    setOpen(true);
  }, [autoOpen, organizations.data]);

  function start() {
    create.reset();
    // One organization to create it in: nothing to ask.
    if (eligible.length === 1 && eligible[0] && list.length === 1) createIn(eligible[0].id);
    else setOpen(true);
  }

  function close() {
    if (create.isPending) return;
    setOpen(false);
    create.reset();
    if (autoOpen) router.replace(`/templates/${slug}`, { scroll: false });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (selected) createIn(selected);
  }

  return (
    <>
      <button
        type="button"
        className={buttonClass}
        onClick={start}
        disabled={organizations.isPending || create.isPending}
        aria-busy={create.isPending || undefined}
      >
        {create.isPending && !open ? (
          <span
            className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent"
            aria-hidden
          />
        ) : (
          <CopyPlus className="size-4" aria-hidden />
        )}
        Use this template
      </button>
      {create.error && !open ? (
        <div className="mt-2">
          <Alert>{messageOf(create.error)}</Alert>
        </div>
      ) : null}
      {organizations.error ? (
        <div className="mt-2">
          <Alert>Could not load your organizations: {messageOf(organizations.error)}</Alert>
        </div>
      ) : null}
      <Dialog
        open={open}
        onClose={close}
        title={`Use “${name}”`}
        description="A new bot starts with a copy of this template's flow; change anything afterwards in the designer."
      >
        {eligible.length === 0 ? (
          <div className="space-y-4">
            <Alert tone="info">
              You are a viewer in {list.length === 1 ? "your organization" : "all your organizations"}: only editors,
              admins and owners create bots. Ask one of them for the editor role, or create an organization of your own
              in Settings.
            </Alert>
            <div className="flex justify-end">
              <Button variant="secondary" onClick={close}>
                Close
              </Button>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} className="space-y-4">
            <fieldset>
              <legend className="mb-2 text-sm font-medium text-slate-800 dark:text-slate-200">Create the bot in</legend>
              <div className="space-y-2">
                {list.map((organization) => {
                  const viewer = organization.role === "viewer";
                  return (
                    <label
                      key={organization.id}
                      className={`flex items-center gap-3 rounded-lg border px-3 py-2 text-sm ${viewer ? "cursor-not-allowed border-slate-200 opacity-60 dark:border-slate-800" : "cursor-pointer border-slate-200 has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50 dark:border-slate-700 dark:has-[:checked]:bg-indigo-950"}`}
                    >
                      <input
                        type="radio"
                        name="organization"
                        value={organization.id}
                        checked={selected === organization.id}
                        disabled={viewer}
                        onChange={() => setChosen(organization.id)}
                        className="accent-indigo-600"
                        data-autofocus={selected === organization.id ? true : undefined}
                      />
                      <span className="min-w-0 flex-1 truncate font-medium">{organization.name}</span>
                      <span className="text-xs text-slate-500 dark:text-slate-400">
                        {viewer ? "viewer — cannot create bots" : organization.role}
                      </span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
            {create.error ? <Alert>{messageOf(create.error)}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close} disabled={create.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!selected}>
                Create bot
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
