"use client";
import { Alert, Badge, Button, Card, CardHeader, cn, EmptyState, Markdown } from "@pixel/ui";
import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { ArrowLeft, MessageSquareOff, RefreshCw } from "lucide-react";
import Link from "next/link";
import { isValidElement, type ReactNode } from "react";
import { messageOf } from "@/lib/errors";
import { formatCount } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import {
  ChannelBadge,
  type ConversationDetail,
  formatCost,
  formatDateTime,
  formatLatency,
  StatusBadge,
  type TranscriptMessage,
} from "../shared";

type Part = Record<string, unknown>;

function record(value: unknown): Part | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Part) : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value : null;
}

function partsOf(message: TranscriptMessage): Part[] {
  return message.parts.map(record).filter((p): p is Part => p !== null);
}

function dataOf(part: Part): Part {
  return record(part.data) ?? {};
}

interface Chip {
  key: string;
  label: ReactNode;
  tone: "neutral" | "indigo" | "amber" | "red";
  title?: string;
}

/** Quick replies offered, an input asked for, a handoff or an error: shown as chips under the message. */
function assistantChips(parts: Part[]): Chip[] {
  const chips: Chip[] = [];
  parts.forEach((part, index) => {
    const data = dataOf(part);
    if (part.type === "data-choices") {
      const options = Array.isArray(data.options) ? data.options.map(record) : [];
      for (const [i, option] of options.entries()) {
        const label = text(option?.label) ?? text(option?.id);
        if (label) chips.push({ key: `${index}-${i}`, label, tone: "indigo", title: "Quick reply offered" });
      }
    } else if (part.type === "data-input") {
      const field = record(data.field);
      const label = text(field?.label) ?? text(field?.name) ?? "a value";
      chips.push({ key: `${index}`, label: `Asks for: ${label}`, tone: "neutral", title: "Input requested" });
      const error = text(data.error);
      if (error) chips.push({ key: `${index}-error`, label: `Refused: ${error}`, tone: "amber" });
    } else if (part.type === "data-handoff") {
      chips.push({
        key: `${index}`,
        label: `Handoff${text(data.message) ? `: ${data.message}` : ""}`,
        tone: "amber",
        title: "Handed over to a person",
      });
    } else if (part.type === "data-error") {
      chips.push({
        key: `${index}`,
        label: text(data.message) ?? text(data.code) ?? "Error",
        tone: "red",
        title: text(data.code) ?? "Error",
      });
    }
  });
  return chips;
}

/** What the user did besides typing: picked a quick reply (named from the offer before it), sent a form… */
function userChips(parts: Part[], offered: Map<string, string>): Chip[] {
  const chips: Chip[] = [];
  parts.forEach((part, index) => {
    if (part.type !== "data-input-sent") return;
    const input = dataOf(part);
    if (input.type === "choice") {
      const id = text(input.optionId) ?? "";
      chips.push({ key: `${index}`, label: `Chose: ${offered.get(id) ?? id}`, tone: "indigo", title: "Quick reply" });
    } else if (input.type === "form") {
      const values = record(input.values) ?? {};
      const count = Object.keys(values).length;
      chips.push({ key: `${index}`, label: `Sent a form (${count} field${count === 1 ? "" : "s"})`, tone: "neutral" });
    } else if (input.type === "restart") {
      chips.push({ key: `${index}`, label: "Restarted the conversation", tone: "neutral" });
    } else if (input.type === "start") {
      chips.push({ key: `${index}`, label: "Started the conversation", tone: "neutral" });
    }
  });
  return chips;
}

function choicesPrompt(parts: Part[]): string | null {
  for (const part of parts) if (part.type === "data-choices") return text(dataOf(part).prompt);
  return null;
}

function expertOf(parts: Part[]): string | null {
  for (const part of parts) if (part.type === "text" && text(part.expert)) return part.expert as string;
  return null;
}

const CHIP_TONES = {
  neutral: "bg-white text-slate-700 ring-slate-300 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-700",
  indigo: "bg-indigo-50 text-indigo-700 ring-indigo-200 dark:bg-indigo-950 dark:text-indigo-300 dark:ring-indigo-800",
  amber: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-800",
  red: "bg-rose-50 text-rose-700 ring-rose-200 dark:bg-rose-950 dark:text-rose-300 dark:ring-rose-800",
} as const;

function Chips({ chips, align }: { chips: Chip[]; align: "start" | "end" }) {
  if (chips.length === 0) return null;
  return (
    <ul className={cn("mt-1.5 flex max-w-[85%] flex-wrap gap-1.5", align === "end" && "justify-end")}>
      {chips.map((chip) => (
        <li
          key={chip.key}
          title={chip.title}
          className={cn("rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset", CHIP_TONES[chip.tone])}
        >
          {chip.label}
        </li>
      ))}
    </ul>
  );
}

function MessageStatus({ status }: { status: TranscriptMessage["status"] }) {
  if (status === "partial") return <Badge tone="amber">Partial</Badge>;
  if (status === "failed") return <Badge tone="red">Failed</Badge>;
  if (status === "streaming") return <Badge tone="neutral">In progress</Badge>;
  return null;
}

function MetaLine({ message }: { message: TranscriptMessage }) {
  const items: ReactNode[] = [];
  if (message.nodeId) {
    items.push(
      <span key="node">
        <span className="sr-only">Node: </span>
        {message.nodeName ? <span className="font-medium">{message.nodeName}</span> : null}
        {message.nodeName && message.nodeName !== message.nodeId ? " " : null}
        {message.nodeName !== message.nodeId ? <code className="font-mono">({message.nodeId})</code> : null}
      </span>,
    );
  }
  const ai = message.model !== null || message.tokensIn > 0 || message.tokensOut > 0 || message.costUsd > 0;
  if (ai) {
    if (message.model) {
      items.push(
        <span key="model">
          <span className="sr-only">Model: </span>
          {message.provider ? `${message.provider}/` : ""}
          {message.model}
        </span>,
      );
    }
    items.push(
      <span key="tokens" className="tabular-nums">
        {formatCount(message.tokensIn)} in / {formatCount(message.tokensOut)} out
        <span className="sr-only"> tokens</span>
      </span>,
      <span key="cost" className="tabular-nums">
        <span className="sr-only">Cost: </span>
        {formatCost(message.costUsd)}
      </span>,
    );
  }
  const latency = formatLatency(message.latencyMs);
  if (latency) {
    items.push(
      <span key="latency" className="tabular-nums">
        <span className="sr-only">Latency: </span>
        {latency}
      </span>,
    );
  }
  items.push(
    <time key="time" dateTime={message.createdAt.toISOString()} title={formatDateTime(message.createdAt)}>
      {message.createdAt.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" })}
    </time>,
  );
  return (
    <div
      className={cn(
        "mt-1 flex max-w-[85%] flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500 dark:text-slate-400",
        message.role === "user" && "justify-end",
      )}
    >
      {items.map((item, i) => (
        <span key={isValidElement(item) ? (item.key ?? i) : i} className="inline-flex items-center gap-2">
          {i > 0 ? <span aria-hidden>·</span> : null}
          {item}
        </span>
      ))}
      <MessageStatus status={message.status} />
    </div>
  );
}

function MessageItem({ message, offered }: { message: TranscriptMessage; offered: Map<string, string> }) {
  const parts = partsOf(message);
  const isUser = message.role === "user";
  if (message.role === "system" || message.role === "tool") {
    return (
      <li className="flex flex-col items-center">
        <p className="max-w-[85%] rounded-lg bg-slate-100 px-3 py-1.5 text-center text-xs whitespace-pre-wrap text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <span className="font-medium capitalize">{message.role}:</span> {message.text || "(no text)"}
        </p>
        <MetaLine message={message} />
      </li>
    );
  }
  const chips = isUser ? userChips(parts, offered) : assistantChips(parts);
  const expert = isUser ? null : expertOf(parts);
  // A quick-reply node's question travels with its options, not as a text part.
  const body = message.text || (isUser ? "" : (choicesPrompt(parts) ?? ""));
  return (
    <li className={cn("flex flex-col", isUser ? "items-end" : "items-start")}>
      <p className="mb-1 text-xs font-medium text-slate-500 dark:text-slate-400">
        {isUser ? "User" : expert ? `Bot · ${expert}` : "Bot"}
      </p>
      {body ? (
        <div
          className={cn(
            "max-w-[85%] rounded-2xl px-4 py-2.5 text-sm break-words",
            isUser && "whitespace-pre-wrap",
            isUser
              ? "rounded-br-md bg-indigo-600 text-white dark:bg-indigo-500"
              : "rounded-bl-md bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100",
            message.status === "failed" && "ring-2 ring-rose-400 dark:ring-rose-700",
            message.status === "partial" && "ring-2 ring-amber-300 dark:ring-amber-700",
          )}
        >
          {/* What the user typed is shown as typed; the bot's text is markdown, as in the chat window. */}
          {isUser ? body : <Markdown text={body} />}
        </div>
      ) : chips.length === 0 ? (
        <p className="text-xs text-slate-500 italic dark:text-slate-400">No text in this message</p>
      ) : null}
      <Chips chips={chips} align={isUser ? "end" : "start"} />
      <MetaLine message={message} />
    </li>
  );
}

function Transcript({ conversation }: { conversation: ConversationDetail }) {
  // Quick replies offered so far, so a user's choice reads as its label rather than its id.
  const offered = new Map<string, string>();
  const items: ReactNode[] = [];
  for (const message of conversation.messages) {
    items.push(<MessageItem key={message.id} message={message} offered={new Map(offered)} />);
    for (const part of partsOf(message)) {
      if (part.type !== "data-choices") continue;
      const options = dataOf(part).options;
      for (const option of Array.isArray(options) ? options.map(record) : []) {
        const id = text(option?.id);
        const label = text(option?.label);
        if (id && label) offered.set(id, label);
      }
    }
  }
  return (
    <Card>
      <CardHeader
        title="Transcript"
        description={
          conversation.truncated
            ? `The newest ${formatCount(conversation.messages.length)} of ${formatCount(conversation.totals.messages)} messages.`
            : `${formatCount(conversation.totals.messages)} message${conversation.totals.messages === 1 ? "" : "s"}, oldest first.`
        }
      />
      {conversation.messages.length === 0 ? (
        <p className="p-5 text-sm text-slate-500 dark:text-slate-400">No messages in this conversation yet.</p>
      ) : (
        <ol className="space-y-5 p-4 sm:p-5" aria-label="Messages">
          {items}
        </ol>
      )}
    </Card>
  );
}

function PathCard({ conversation }: { conversation: ConversationDetail }) {
  const { path, waitingNodeId } = conversation.state;
  return (
    <Card>
      <CardHeader title="Node path" description="The nodes the flow ran through, the most recent last." />
      <div className="p-5">
        {path.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No node has run yet.</p>
        ) : (
          <ol className="flex flex-wrap items-center gap-1.5" aria-label="Node path">
            {path.map((id, index) => {
              const node = conversation.nodes[id];
              const waiting = index === path.length - 1 && id === waitingNodeId;
              return (
                // The same node may appear several times: its position keeps the key unique.
                // biome-ignore lint/suspicious/noArrayIndexKey: a path is an ordered list of visits.
                <li key={`${index}-${id}`} className="inline-flex items-center gap-1.5">
                  {index > 0 ? (
                    <span aria-hidden className="text-slate-400">
                      →
                    </span>
                  ) : null}
                  <span
                    title={node ? `${node.type} · ${id}` : id}
                    className={cn(
                      "rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset",
                      waiting ? CHIP_TONES.amber : CHIP_TONES.neutral,
                    )}
                  >
                    {node?.name ?? <code className="font-mono">{id}</code>}
                    {waiting ? <span className="ml-1 font-normal">(waiting)</span> : null}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        {waitingNodeId && path.at(-1) !== waitingNodeId ? (
          <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
            Waiting for an answer at{" "}
            <span className="font-medium">{conversation.nodes[waitingNodeId]?.name ?? waitingNodeId}</span>.
          </p>
        ) : null}
      </div>
    </Card>
  );
}

function formatValue(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function VariablesCard({ vars }: { vars: Record<string, unknown> }) {
  const entries = Object.entries(vars).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Card>
      <CardHeader title="Variables" description="Their values now." />
      {entries.length === 0 ? (
        <p className="p-5 text-sm text-slate-500 dark:text-slate-400">No variables set.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Conversation variables</caption>
            <thead className="text-xs text-slate-500 uppercase dark:text-slate-400">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">
                  Name
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Value
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {entries.map(([name, value]) => (
                <tr key={name} className="align-top">
                  <th scope="row" className="px-5 py-2 font-mono text-xs font-medium whitespace-nowrap">
                    {name}
                  </th>
                  <td className="px-5 py-2 font-mono text-xs break-all text-slate-700 dark:text-slate-300">
                    {value === null || value === "" ? (
                      <span className="text-slate-400 italic">{value === null ? "null" : "empty"}</span>
                    ) : (
                      formatValue(value)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

function Header({ conversation, refresh }: { conversation: ConversationDetail; refresh: ReactNode }) {
  const { totals } = conversation;
  return (
    <Card className="mb-6">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4 dark:border-slate-800">
        <div className="min-w-0">
          <h1 className="text-xl font-bold tracking-tight break-words">
            {conversation.bot.name}
            {conversation.deployment ? (
              <span className="font-normal text-slate-500 dark:text-slate-400"> · {conversation.deployment.name}</span>
            ) : null}
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <ChannelBadge channel={conversation.channel} />
            <StatusBadge status={conversation.status} />
            {conversation.state.expert ? <Badge tone="indigo">Expert: {conversation.state.expert}</Badge> : null}
          </div>
        </div>
        {refresh}
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-4 px-5 py-4 sm:grid-cols-4">
        <Detail label="Bot">
          {conversation.bot.name}
          {conversation.bot.deleted ? <span className="text-slate-500 dark:text-slate-400"> (deleted)</span> : null}
        </Detail>
        <Detail label="Deployment">
          {conversation.deployment ? (
            <>
              {conversation.deployment.name}
              <span className="block truncate font-mono text-xs text-slate-500 dark:text-slate-400">
                /{conversation.deployment.slug}
              </span>
            </>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">
              {conversation.channel === "preview" ? "Draft preview" : "None"}
            </span>
          )}
        </Detail>
        <Detail label="Started">
          <time dateTime={conversation.createdAt.toISOString()}>{formatDateTime(conversation.createdAt)}</time>
        </Detail>
        <Detail label="End user">
          {conversation.endUserId ? (
            <span className="font-mono text-xs" title="A hash of the end user's id">
              {conversation.endUserId}
            </span>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">Anonymous</span>
          )}
        </Detail>
        <Detail label="Messages">
          <span className="tabular-nums">{formatCount(totals.messages)}</span>
        </Detail>
        <Detail label="Tokens in">
          <span className="tabular-nums">{formatCount(totals.tokensIn)}</span>
        </Detail>
        <Detail label="Tokens out">
          <span className="tabular-nums">{formatCount(totals.tokensOut)}</span>
        </Detail>
        <Detail label="Cost">
          <span className="tabular-nums">{formatCost(totals.costUsd)}</span>
        </Detail>
      </dl>
    </Card>
  );
}

function BackLink() {
  return (
    <Link
      href="/app/conversations"
      className="mb-4 inline-flex items-center gap-1.5 rounded text-sm font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-400 dark:hover:text-slate-100"
    >
      <ArrowLeft className="size-4" aria-hidden />
      All conversations
    </Link>
  );
}

export function TranscriptView({ conversationId }: { conversationId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.conversations.get.queryOptions({ conversationId }));

  if (query.isPending) {
    return (
      <>
        <BackLink />
        <div role="status">
          <span className="sr-only">Loading the conversation…</span>
          <div className="space-y-4" aria-hidden>
            <div className="h-32 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800/60" />
            <div className="h-96 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800/60" />
          </div>
        </div>
      </>
    );
  }
  if (query.error) {
    const notFound = query.error instanceof TRPCClientError && query.error.data?.code === "NOT_FOUND";
    return (
      <>
        <BackLink />
        {notFound ? (
          <EmptyState icon={<MessageSquareOff className="size-10 text-slate-400" />} title="Conversation not found">
            <p>It does not exist in this organization, or it was deleted with its bot.</p>
          </EmptyState>
        ) : (
          <div className="space-y-3">
            <Alert>Could not load the conversation: {messageOf(query.error)}</Alert>
            <Button variant="secondary" onClick={() => void query.refetch()}>
              Try again
            </Button>
          </div>
        )}
      </>
    );
  }

  const conversation = query.data;
  const refresh = (
    <Button variant="secondary" size="sm" loading={query.isFetching} onClick={() => void query.refetch()}>
      {!query.isFetching ? <RefreshCw className="size-3.5" aria-hidden /> : null}
      Refresh
    </Button>
  );
  return (
    <>
      <BackLink />
      <Header conversation={conversation} refresh={refresh} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Transcript conversation={conversation} />
        <div className="space-y-6">
          <PathCard conversation={conversation} />
          <VariablesCard vars={conversation.state.vars} />
        </div>
      </div>
    </>
  );
}
