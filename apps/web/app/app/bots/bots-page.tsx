"use client";
import { Alert, Button, EmptyState } from "@pixel/ui";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Bot as BotIcon, Plus, Search, SearchX } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { PageHeader } from "@/components/page-header";
import { messageOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { useMyRole } from "../settings/members/use-my-role";
import { BotsList, type Notice } from "./bots-list";
import { CreateDialog } from "./create-bot-dialog";

const PAGE_SIZE = 24;
const SEARCH_DELAY_MS = 300;

/** The search box's text, mirrored (debounced) into ?q= so a search can be shared, reloaded and undone with Back. */
function useSearchQuery() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const query = (params.get("q") ?? "").trim();
  const [text, setText] = useState(query);
  /** The last value this page wrote to the URL, to tell our own updates from Back/Forward. */
  const written = useRef(query);

  useEffect(() => {
    if (query === written.current) return;
    written.current = query;
    setText(query);
  }, [query]);

  useEffect(() => {
    const wanted = text.trim();
    if (wanted === query) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams(params.toString());
      if (wanted) next.set("q", wanted);
      else next.delete("q");
      written.current = wanted;
      const search = next.toString();
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, query, params, pathname, router]);

  return { text, setText, query };
}

export function BotsPage() {
  const trpc = useTRPC();
  const { role, isAdmin } = useMyRole();
  const canEdit = role !== undefined && role !== "viewer";
  const { text, setText, query } = useSearchQuery();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const list = useInfiniteQuery(
    trpc.bots.list.infiniteQueryOptions(
      { search: query || undefined, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const bots = list.data?.pages.flatMap((page) => page.items) ?? [];
  const searching = list.isPlaceholderData && list.isFetching;
  const count = `${bots.length}${list.hasNextPage ? "+" : ""}`;

  function clearSearch() {
    setText("");
    searchRef.current?.focus();
  }

  return (
    <>
      <PageHeader
        title="Bots"
        description="Design conversations as flows, preview them live and publish versions."
        actions={
          canEdit ? (
            <Button onClick={() => setCreating(true)}>
              <Plus className="size-4" aria-hidden />
              New bot
            </Button>
          ) : null
        }
      />

      <div className="mb-6 flex flex-wrap items-center gap-3">
        <search className="relative block w-full max-w-sm">
          <label htmlFor="bot-search" className="sr-only">
            Search bots
          </label>
          <Search
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
            aria-hidden
          />
          <input
            ref={searchRef}
            id="bot-search"
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={100}
            placeholder="Search by name or description"
            autoComplete="off"
            className="block h-9 w-full rounded-lg border-0 bg-white py-2 pr-3 pl-9 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
          />
        </search>
        <p className="text-sm text-slate-500 dark:text-slate-400" aria-live="polite">
          {searching
            ? "Searching…"
            : query && list.data
              ? `${count} ${bots.length === 1 && !list.hasNextPage ? "bot matches" : "bots match"}`
              : ""}
        </p>
        {role === "viewer" ? (
          <p className="text-sm text-slate-500 sm:ml-auto dark:text-slate-400">
            You can view bots; editors create and change them.
          </p>
        ) : null}
      </div>

      {notice ? (
        <div className="mb-4">
          <Alert tone={notice.tone}>
            {notice.text}
            {notice.link ? (
              <>
                {" "}
                <Link href={notice.link.href} className="font-medium underline">
                  {notice.link.label}
                </Link>
              </>
            ) : null}
          </Alert>
        </div>
      ) : null}

      {list.error ? (
        <div className="space-y-3">
          <Alert>Could not load the bots: {messageOf(list.error)}</Alert>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </div>
      ) : list.isPending ? (
        <LoadingCards />
      ) : bots.length === 0 && !query ? (
        <EmptyState icon={<BotIcon className="size-10 text-slate-400" />} title="No bots yet">
          {canEdit ? (
            <>
              <p>Create your first bot: it starts with a greeting, and you build the conversation in the designer.</p>
              <Button className="mt-4" onClick={() => setCreating(true)}>
                <Plus className="size-4" aria-hidden />
                New bot
              </Button>
            </>
          ) : (
            <p>When an editor creates a bot, it shows up here.</p>
          )}
        </EmptyState>
      ) : bots.length === 0 ? (
        <EmptyState icon={<SearchX className="size-10 text-slate-400" />} title={`No bots match “${query}”`}>
          <p>Try another word; the search looks at names and descriptions.</p>
          <Button variant="secondary" className="mt-4" onClick={clearSearch}>
            Clear search
          </Button>
        </EmptyState>
      ) : (
        <div className={searching ? "opacity-60 transition-opacity" : undefined}>
          <BotsList
            bots={bots}
            canEdit={canEdit}
            canPublishTemplate={isAdmin}
            onNotice={setNotice}
            focusAfterDelete={() => searchRef.current?.focus()}
          />
          {list.hasNextPage ? (
            <div className="mt-6 flex justify-center">
              <Button variant="secondary" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                Load more
              </Button>
            </div>
          ) : null}
        </div>
      )}

      {canEdit ? <CreateDialog open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function LoadingCards() {
  return (
    <div role="status">
      <span className="sr-only">Loading bots…</span>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-hidden>
        {[0, 1, 2].map((i) => (
          <li key={i} className="h-36 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800/60" />
        ))}
      </ul>
    </div>
  );
}
