"use client";

import type { ViewBlock, ViewMessage } from "./chat-parts-view.ts";
import { ErrorBanner } from "./error-banner.tsx";
import { Markdown } from "./markdown.tsx";

export interface MessageBubbleProps {
  message: ViewMessage;
  /** Who the bot is, for screen readers ("Support said"). */
  botName: string;
  /** A turn is in flight: Retry/Restart are disabled. */
  busy: boolean;
  onRetry: () => void;
  onRestart?: () => void;
}

function BotBlock({
  block,
  botName,
  busy,
  onRetry,
  onRestart,
}: { block: ViewBlock } & Omit<MessageBubbleProps, "message">) {
  switch (block.kind) {
    case "text":
      return (
        <div className="flex max-w-[85%] flex-col items-start gap-1 self-start">
          {block.showExpert && block.expert ? (
            <p className="px-1 text-xs font-medium text-slate-500 dark:text-slate-400">{block.expert}</p>
          ) : null}
          <div className="rounded-2xl rounded-bl-sm bg-slate-100 px-3.5 py-2 text-sm leading-relaxed text-slate-900 dark:bg-slate-800 dark:text-slate-100">
            <span className="sr-only">{`${block.expert ?? botName}: `}</span>
            <Markdown text={block.text} />
          </div>
        </div>
      );
    case "handoff":
      return (
        <div className="flex items-start gap-2 self-stretch rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-900">
          <span aria-hidden>🙋</span>
          <p className="min-w-0 break-words">
            <span className="sr-only">Handed over to a person: </span>
            {block.message}
          </p>
        </div>
      );
    case "error": {
      const ended = block.code === "conversation-ended";
      return (
        <div className="self-stretch">
          <ErrorBanner
            message={block.message}
            disabled={busy}
            {...(block.latest && !ended ? { onRetry } : {})}
            {...(block.latest && ended && onRestart ? { onRestart } : {})}
          />
        </div>
      );
    }
  }
}

/** One message: the user's bubble, or the bot's bubbles, notices and errors in the order they came. */
export function MessageBubble({ message, ...rest }: MessageBubbleProps) {
  if (message.role === "user") {
    return (
      <div className="flex justify-end">
        <div className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-sm bg-(--pixel-chat-primary) px-3.5 py-2 text-sm leading-relaxed text-(--pixel-chat-on-primary)">
          <span className="sr-only">You: </span>
          {message.blocks.map((block) => (block.kind === "text" ? <span key={block.key}>{block.text}</span> : null))}
        </div>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {message.blocks.map((block) => (
        <BotBlock key={block.key} block={block} {...rest} />
      ))}
    </div>
  );
}
