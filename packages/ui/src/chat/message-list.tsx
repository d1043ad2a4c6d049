"use client";

import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ViewMessage } from "./chat-parts-view.ts";
import { MessageBubble } from "./message-bubble.tsx";
import { focusRing } from "./styles.ts";
import { TypingIndicator } from "./typing-indicator.tsx";

/** How close to the bottom (px) still counts as "at the bottom". */
const STICK_THRESHOLD_PX = 48;

export interface MessageListProps {
  messages: ViewMessage[];
  typing: boolean;
  /** A turn is in flight (Retry/Restart disabled). */
  busy: boolean;
  /** Text is streaming: screen readers wait for the end of it (`aria-busy`). */
  streaming: boolean;
  botName: string;
  onRetry: () => void;
  onRestart?: () => void;
  /** Shown above the (empty) log: pass it only when there is nothing else to show. */
  emptyState?: ReactNode;
  /** What the bot waits for (quick replies, form, end notice, errors): below the messages, outside the log. */
  children?: ReactNode;
}

/**
 * The scrolling conversation. It follows new content while the user is at the bottom, and stays put
 * when they scrolled up to read (a button brings them back).
 */
export function MessageList({
  messages,
  typing,
  busy,
  streaming,
  botName,
  onRetry,
  onRestart,
  emptyState,
  children,
}: MessageListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [awayFromBottom, setAwayFromBottom] = useState(false);

  const scrollToBottom = useCallback(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= STICK_THRESHOLD_PX;
    stick.current = atBottom;
    setAwayFromBottom(!atBottom);
  };

  // The user just sent something: follow the conversation again.
  const lastUserId = messages.findLast((m) => m.role === "user")?.id;
  useLayoutEffect(() => {
    if (lastUserId === undefined) return;
    stick.current = true;
    setAwayFromBottom(false);
  }, [lastUserId]);

  // After every render (streamed text, new parts) and whenever the content changes size (images, fonts).
  useLayoutEffect(() => {
    if (stick.current) scrollToBottom();
  });
  useEffect(() => {
    const content = contentRef.current;
    if (!content || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (stick.current) scrollToBottom();
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, [scrollToBottom]);

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scrollRef} onScroll={onScroll} className="h-full overflow-y-auto overscroll-contain">
        <div ref={contentRef} className="flex min-h-full flex-col gap-3 px-3 py-4 sm:px-4">
          {emptyState ? <div className="m-auto text-center">{emptyState}</div> : null}
          <div
            role="log"
            aria-live="polite"
            aria-busy={streaming}
            aria-label="Conversation"
            className="flex flex-col gap-3"
          >
            {messages.map((message) => (
              <MessageBubble
                key={message.id}
                message={message}
                botName={botName}
                busy={busy}
                onRetry={onRetry}
                {...(onRestart ? { onRestart } : {})}
              />
            ))}
            {typing ? <TypingIndicator /> : null}
          </div>
          {children}
        </div>
      </div>
      {awayFromBottom ? (
        <button
          type="button"
          onClick={() => {
            stick.current = true;
            scrollToBottom();
          }}
          aria-label="Scroll to the latest message"
          className={`absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-white px-3 py-1 text-xs font-medium text-slate-700 shadow-md ring-1 ring-slate-200 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700 dark:hover:bg-slate-700 ${focusRing}`}
        >
          ↓ Latest
        </button>
      ) : null}
    </div>
  );
}
