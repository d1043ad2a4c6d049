"use client";
import { Alert, Button, Card, cn, EmptyState, SelectField, TextField } from "@pixel/ui";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { MessagesSquare, Search, SearchX, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { PageHeader } from "@/components/page-header";
import { messageOf } from "@/lib/errors";
import { formatCount } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { type ConversationFilters, hasFilters, listInput, rangeProblem, readFilters, writeFilters } from "./filters";
import {
  CHANNELS,
  type Channel,
  ChannelBadge,
  type ConversationRow,
  formatCost,
  formatDateTime,
  formatWhen,
  STATUSES,
  StatusBadge,
} from "./shared";

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

/** The filters in the URL: discrete choices push a history entry (Back undoes them), typing replaces. */
function useFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => readFilters(new URLSearchParams(params.toString())), [params]);

  function navigate(next: ConversationFilters, mode: "push" | "replace") {
    const query = writeFilters(next, new URLSearchParams(params.toString()));
    const href = query ? `${pathname}?${query}` : pathname;
    if (mode === "push") router.push(href, { scroll: false });
    else router.replace(href, { scroll: false });
  }

  return {
    filters,
    update: (patch: Partial<ConversationFilters>) => navigate({ ...filters, ...patch }, "push"),
    setSearch: (search: string) => navigate({ ...filters, search }, "replace"),
    clear: () =>
      navigate(
        { deploymentId: "", channels: [], status: "", from: "", to: "", search: "", includePreview: false },
        "push",
      ),
  };
}

/** The search box's text, written to ?q= once typing pauses; Back/Forward bring the URL's text back. */
function useSearchText(query: string, write: (text: string) => void) {
  const [text, setText] = useState(query);
  const written = useRef(query);
  const writeRef = useRef(write);
  writeRef.current = write;

  useEffect(() => {
    if (query === written.current) return;
    written.current = query;
    setText(query);
  }, [query]);

  useEffect(() => {
    const wanted = text.trim();
    // Already in the URL, or already asked for (a navigation that has not landed yet).
    if (wanted === query || wanted === written.current) return;
    const timer = setTimeout(() => {
      written.current = wanted;
      writeRef.current(wanted);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, query]);

  /** Sets the box without writing it: the caller navigates itself (e.g. clearing every filter at once). */
  function reset(value: string) {
    written.current = value;
    setText(value);
  }

  return { text, setText, reset };
}

export function ConversationsPage() {
  const trpc = useTRPC();
  const { filters, update, setSearch, clear } = useFilters();
  const { text, setText, reset } = useSearchText(filters.search, setSearch);
  const searchRef = useRef<HTMLInputElement>(null);

  const deployments = useQuery(trpc.deployments.list.queryOptions({}));
  const problem = rangeProblem(filters);
  const input = useMemo(() => listInput(filters, PAGE_SIZE), [filters]);
  const list = useInfiniteQuery(
    trpc.conversations.list.infiniteQueryOptions(input, {
      enabled: !problem,
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      placeholderData: keepPreviousData,
    }),
  );
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = hasFilters(filters);
  const updating = list.isPlaceholderData && list.isFetching;

  function toggleChannel(channel: Channel) {
    const channels = filters.channels.includes(channel)
      ? filters.channels.filter((c) => c !== channel)
      : [...filters.channels, channel];
    update({ channels });
  }

  function setIncludePreview(includePreview: boolean) {
    update({
      includePreview,
      // Previews hidden again: a "Preview" channel choice would keep showing them.
      channels: includePreview ? filters.channels : filters.channels.filter((c) => c !== "preview"),
    });
  }

  function clearAll() {
    reset("");
    clear();
    searchRef.current?.focus();
  }

  const shownChannels = CHANNELS.filter(
    (c) => c.value !== "preview" || filters.includePreview || filters.channels.includes("preview"),
  );
  const deploymentOptions = deployments.data ?? [];
  const selectedUnknown =
    filters.deploymentId && deployments.data && !deploymentOptions.some((d) => d.id === filters.deploymentId);
  const byBot = new Map<string, typeof deploymentOptions>();
  for (const d of deploymentOptions) byBot.set(d.botName, [...(byBot.get(d.botName) ?? []), d]);

  return (
    <>
      <PageHeader
        title="Conversations"
        description="What end users said to your bots, how each turn was answered and what it cost."
      />

      <Card className="mb-6 p-4">
        <search aria-label="Filter conversations" className="space-y-4">
          <div className="grid grid-cols-2 gap-4 lg:grid-cols-[minmax(12rem,1.6fr)_minmax(11rem,1.2fr)_minmax(10rem,1fr)_minmax(9.5rem,1fr)_minmax(9.5rem,1fr)]">
            <div className="col-span-2 space-y-1.5 lg:col-span-1">
              <label
                htmlFor="conversation-search"
                className="block text-sm font-medium text-slate-800 dark:text-slate-200"
              >
                Search messages
              </label>
              <div className="relative">
                <Search
                  className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
                  aria-hidden
                />
                <input
                  ref={searchRef}
                  id="conversation-search"
                  type="search"
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                  maxLength={200}
                  placeholder="Words said by the user or the bot"
                  autoComplete="off"
                  className="block h-9 w-full rounded-lg border-0 bg-white py-2 pr-3 pl-9 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
                />
              </div>
            </div>
            <SelectField
              className="col-span-2 sm:col-span-1"
              label="Deployment"
              value={filters.deploymentId}
              onChange={(event) => update({ deploymentId: event.target.value })}
            >
              <option value="">All deployments</option>
              {selectedUnknown ? <option value={filters.deploymentId}>Deleted deployment</option> : null}
              {[...byBot.entries()].map(([botName, items]) => (
                <optgroup key={botName} label={botName}>
                  {items.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            <SelectField
              className="col-span-2 sm:col-span-1"
              label="Status"
              value={filters.status}
              onChange={(event) => update({ status: event.target.value as ConversationFilters["status"] })}
            >
              <option value="">Any status</option>
              {STATUSES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </SelectField>
            <TextField
              label="From"
              type="date"
              value={filters.from}
              max={filters.to || undefined}
              onChange={(event) => update({ from: event.target.value })}
              error={problem}
            />
            <TextField
              label="To"
              type="date"
              value={filters.to}
              min={filters.from || undefined}
              onChange={(event) => update({ to: event.target.value })}
            />
          </div>

          <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
            <fieldset className="flex flex-wrap items-center gap-2">
              <legend className="sr-only">Channels</legend>
              <span className="mr-1 text-sm font-medium text-slate-800 dark:text-slate-200" aria-hidden>
                Channels
              </span>
              {shownChannels.map((c) => {
                const on = filters.channels.includes(c.value);
                return (
                  <button
                    key={c.value}
                    type="button"
                    aria-pressed={on}
                    onClick={() => toggleChannel(c.value)}
                    className={cn(
                      "rounded-full px-3 py-1 text-xs font-medium ring-1 transition-colors ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500",
                      on
                        ? "bg-indigo-600 text-white ring-indigo-600 hover:bg-indigo-500 dark:bg-indigo-500 dark:ring-indigo-500"
                        : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-700 dark:hover:bg-slate-800",
                    )}
                  >
                    {c.label}
                  </button>
                );
              })}
              {filters.channels.length === 0 ? (
                <span className="text-xs text-slate-500 dark:text-slate-400">All</span>
              ) : null}
            </fieldset>

            <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
              <input
                type="checkbox"
                checked={filters.includePreview}
                onChange={(event) => setIncludePreview(event.target.checked)}
                className="size-4 rounded border-slate-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-900"
              />
              Include previews
              <span className="text-xs text-slate-500 dark:text-slate-400">(designer and gallery tests)</span>
            </label>

            {filtered ? (
              <Button variant="ghost" size="sm" className="sm:ml-auto" onClick={clearAll}>
                <X className="size-3.5" aria-hidden />
                Clear filters
              </Button>
            ) : null}
          </div>
        </search>
      </Card>

      <p className="sr-only" aria-live="polite">
        {updating
          ? "Updating the list…"
          : list.data
            ? `${rows.length}${list.hasNextPage ? "+" : ""} conversation${rows.length === 1 ? "" : "s"} shown`
            : ""}
      </p>

      {problem ? (
        <Alert tone="info">Change one of the dates to see conversations.</Alert>
      ) : list.error ? (
        <div className="space-y-3">
          <Alert>Could not load the conversations: {messageOf(list.error)}</Alert>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </div>
      ) : list.isPending ? (
        <LoadingRows />
      ) : rows.length === 0 && !filtered ? (
        <EmptyState icon={<MessagesSquare className="size-10 text-slate-400" />} title="No conversations yet">
          <p>
            Conversations appear here when end users chat with one of your deployments: on its hosted page, in the
            widget on your website or through the APIs. Each one shows the full transcript, the flow's path and what the
            AI answers cost.
          </p>
          <p className="mt-2">
            <Link href="/app/deployments" className="font-medium text-indigo-700 underline dark:text-indigo-300">
              Deploy a bot
            </Link>{" "}
            to start, or include previews to see your own tests from the designer.
          </p>
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState icon={<SearchX className="size-10 text-slate-400" />} title="No conversations match these filters">
          <p>Try a wider date range, another channel or fewer words.</p>
          <Button variant="secondary" className="mt-4" onClick={clearAll}>
            Clear filters
          </Button>
        </EmptyState>
      ) : (
        <div className={cn("transition-opacity", updating && "opacity-60")}>
          <ConversationTable rows={rows} />
          <ConversationCards rows={rows} />
          {list.hasNextPage ? (
            <div className="mt-6 flex justify-center">
              <Button variant="secondary" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                Load more
              </Button>
            </div>
          ) : null}
        </div>
      )}
    </>
  );
}

function ConversationTable({ rows }: { rows: ConversationRow[] }) {
  const now = new Date();
  return (
    <Card className="hidden overflow-x-auto md:block">
      <table className="w-full min-w-[56rem] text-left text-sm" data-testid="conversations-table">
        <caption className="sr-only">Conversations, most recently active first</caption>
        <thead className="text-xs text-slate-500 uppercase dark:text-slate-400">
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="px-4 py-2.5 font-medium">
              Time
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Bot / deployment
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Channel
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Status
            </th>
            <th scope="col" className="px-4 py-2.5 text-right font-medium">
              Messages
            </th>
            <th scope="col" className="px-4 py-2.5 text-right font-medium">
              Tokens
            </th>
            <th scope="col" className="px-4 py-2.5 text-right font-medium">
              Cost
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Last message
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((row) => {
            const at = row.lastMessageAt ?? row.updatedAt;
            return (
              <tr
                key={row.id}
                className="relative align-top transition-colors focus-within:bg-slate-50 hover:bg-slate-50 dark:focus-within:bg-slate-800/60 dark:hover:bg-slate-800/60"
              >
                <td className="px-4 py-3 whitespace-nowrap">
                  {/* The link covers the whole row (after:inset-0), so any cell opens the transcript. */}
                  <Link
                    href={`/app/conversations/${row.id}`}
                    className="font-medium text-slate-900 after:absolute after:inset-0 after:content-[''] focus-visible:outline-none dark:text-slate-100"
                  >
                    <span className="sr-only">Open the conversation of </span>
                    <time dateTime={at.toISOString()} title={formatDateTime(at)}>
                      {formatWhen(at, now)}
                    </time>
                  </Link>
                  {row.endUserId ? (
                    <p
                      className="mt-0.5 font-mono text-xs text-slate-500 dark:text-slate-400"
                      title="End user (hashed)"
                    >
                      {row.endUserId}
                    </p>
                  ) : null}
                </td>
                <td className="max-w-[14rem] px-4 py-3">
                  <p className="truncate font-medium text-slate-900 dark:text-slate-100">
                    {row.botName}
                    {row.botDeleted ? (
                      <span className="ml-1 text-xs font-normal text-slate-500 dark:text-slate-400">(deleted)</span>
                    ) : null}
                  </p>
                  <p className="truncate text-xs text-slate-500 dark:text-slate-400">
                    {row.deploymentName ?? (row.channel === "preview" ? "Draft preview" : "No deployment")}
                  </p>
                </td>
                <td className="px-4 py-3">
                  <ChannelBadge channel={row.channel} />
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <StatusBadge status={row.status} />
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{formatCount(row.messageCount)}</td>
                <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
                  <span title={`${formatCount(row.tokensIn)} in, ${formatCount(row.tokensOut)} out`}>
                    {formatCount(row.tokensIn + row.tokensOut)}
                  </span>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    {formatCount(row.tokensIn, true)} in · {formatCount(row.tokensOut, true)} out
                  </span>
                </td>
                <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">{formatCost(row.costUsd)}</td>
                <td className="max-w-xs px-4 py-3 text-slate-600 dark:text-slate-300">
                  {row.lastMessagePreview ? (
                    <p className="line-clamp-2 break-words">
                      <span className="font-medium text-slate-500 dark:text-slate-400">
                        {row.lastMessageRole === "user" ? "User: " : "Bot: "}
                      </span>
                      {row.lastMessagePreview}
                    </p>
                  ) : (
                    <span className="text-slate-400 italic dark:text-slate-500">No messages</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}

/** Small screens: one card per conversation instead of a wide table. */
function ConversationCards({ rows }: { rows: ConversationRow[] }) {
  const now = new Date();
  return (
    <Card className="md:hidden">
      <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Conversations">
        {rows.map((row) => {
          const at = row.lastMessageAt ?? row.updatedAt;
          return (
            <li key={row.id}>
              <Link
                href={`/app/conversations/${row.id}`}
                className="block space-y-1.5 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800/60 dark:focus-visible:bg-slate-800/60"
              >
                <span className="flex items-baseline justify-between gap-3">
                  <span className="truncate font-medium text-slate-900 dark:text-slate-100">{row.botName}</span>
                  <time
                    dateTime={at.toISOString()}
                    title={formatDateTime(at)}
                    className="shrink-0 text-xs text-slate-500 dark:text-slate-400"
                  >
                    {formatWhen(at, now)}
                  </time>
                </span>
                <span className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
                  <span className="truncate">
                    {row.deploymentName ?? (row.channel === "preview" ? "Draft preview" : "No deployment")}
                  </span>
                  <ChannelBadge channel={row.channel} />
                  <StatusBadge status={row.status} />
                </span>
                {row.lastMessagePreview ? (
                  <span className="line-clamp-2 text-sm break-words text-slate-600 dark:text-slate-300">
                    <span className="font-medium text-slate-500 dark:text-slate-400">
                      {row.lastMessageRole === "user" ? "User: " : "Bot: "}
                    </span>
                    {row.lastMessagePreview}
                  </span>
                ) : null}
                <span className="block text-xs text-slate-500 tabular-nums dark:text-slate-400">
                  {formatCount(row.messageCount)} message{row.messageCount === 1 ? "" : "s"} ·{" "}
                  {formatCount(row.tokensIn + row.tokensOut)} tokens · {formatCost(row.costUsd)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function LoadingRows() {
  return (
    <div role="status">
      <span className="sr-only">Loading conversations…</span>
      <div className="space-y-2" aria-hidden>
        {[0, 1, 2, 3, 4].map((i) => (
          <div key={i} className="h-14 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800/60" />
        ))}
      </div>
    </div>
  );
}
